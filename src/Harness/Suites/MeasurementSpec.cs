namespace EarlyExitBench.Harness.Suites;

/// <summary>Wall-clock measurement of real dynamic inference (the suite's <c>measurement:</c> section).</summary>
/// <param name="Enabled">Whether to measure; off when the section is absent.</param>
/// <param name="Samples">Test samples timed per measurement.</param>
/// <param name="BatchSizes">Batch sizes (1 = per-sample early exit; larger = exited samples leave the batch).</param>
/// <param name="MaxSeconds">Time cap of one measurement's repeats.</param>
/// <param name="Calibrator">Method to measure; null = the cell's best-ranked global-threshold method.</param>
/// <param name="FailurePredictor">Method to measure; null = the cell's best-ranked global-threshold method.</param>
public sealed record MeasurementSpec(bool Enabled, int Samples, IReadOnlyList<int> BatchSizes, double MaxSeconds, string? Calibrator, string? FailurePredictor)
{
    /// <summary>The section's defaults, off.</summary>
    public static MeasurementSpec Disabled { get; } = new(false, 512, [1, 64], 3, null, null);
}
