using System.Text.Json.Serialization;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>Everything measured for one (calibrator, failure predictor) method.</summary>
/// <param name="PerExit">Metrics of each exit, in exit order.</param>
/// <param name="Efficiency">Threshold-sweep efficiency of the method.</param>
public sealed record MethodEvaluation(IReadOnlyList<ExitMetrics> PerExit, EfficiencyResult Efficiency)
{
    /// <summary>
    /// Every operating point of the method, not only the thinned front: kept in memory for the optional
    /// <c>--full-sweeps</c> side file, never written to a result or leaderboard.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<OperatingPoint> Sweep { get; init; } = [];
}
