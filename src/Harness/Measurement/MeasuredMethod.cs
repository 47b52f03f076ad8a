using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Measurement;

/// <summary>The method whose dynamic inference is timed.</summary>
/// <param name="Calibrators">Its calibrator fitted on each exit (validation), exit 0 first.</param>
/// <param name="Scorer">Its fitted scorer.</param>
/// <param name="Thresholds">Thresholds to time, e.g. <see cref="ThresholdChoice.FromSweep"/> of its test sweep.</param>
public sealed record MeasuredMethod(IReadOnlyList<IFittedCalibrator> Calibrators, IConfidenceScorer Scorer, IReadOnlyList<ChosenThreshold> Thresholds)
{
    /// <summary>
    /// Cumulative cost of each exit that relative FLOPs are computed from, in the suite's <c>cost_convention</c>; null
    /// takes the model's own stages (EarlyExitBench's convention).
    /// </summary>
    public IReadOnlyList<double>? ExitCosts { get; init; }
}
