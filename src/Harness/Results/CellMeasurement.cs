namespace EarlyExitBench.Harness.Results;

/// <summary>Wall-clock measurements of one model with one method.</summary>
/// <param name="Device">Device the model ran on.</param>
/// <param name="Threads">Torch intra-op threads.</param>
/// <param name="Samples">Test samples in each timed pass.</param>
/// <param name="Protocol">How the numbers were taken, in words.</param>
/// <param name="Settings">The settings used.</param>
/// <param name="ExitLatency">Cumulative latency to each exit, per batch size.</param>
/// <param name="FullNetwork">The reference time of each batch size.</param>
/// <param name="Thresholds">Dynamic inference per chosen threshold and batch size.</param>
public sealed record CellMeasurement(
    string Device,
    int Threads,
    int Samples,
    string Protocol,
    MeasurementSettings Settings,
    IReadOnlyList<ExitLatency> ExitLatency,
    IReadOnlyList<FullNetworkTiming> FullNetwork,
    IReadOnlyList<ThresholdMeasurement> Thresholds)
{
    /// <summary>Per batch size, what the exit decisions cost against the full forward pass.</summary>
    public IReadOnlyList<DecisionOverhead> DecisionOverhead { get; init; } = [];
}
