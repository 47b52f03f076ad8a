namespace EarlyExitBench.Harness.Evaluation;

/// <summary>Everything measured for one (calibrator, failure predictor) method.</summary>
/// <param name="PerExit">Metrics of each exit, in exit order.</param>
/// <param name="Efficiency">Threshold-sweep efficiency of the method.</param>
public sealed record MethodEvaluation(IReadOnlyList<ExitMetrics> PerExit, EfficiencyResult Efficiency);
