namespace EarlyExitBench.Harness.Results;

/// <summary>Dynamic inference at one threshold and batch size.</summary>
/// <param name="Label">Why the threshold was chosen.</param>
/// <param name="Threshold">τ.</param>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="SweepRelativeFlops">Relative FLOPs the sweep predicts at τ.</param>
/// <param name="RelativeFlops">Relative FLOPs dynamic inference took.</param>
/// <param name="Accuracy">Accuracy of dynamic inference.</param>
/// <param name="ExitCounts">Samples that stopped at each exit.</param>
/// <param name="MsPerSample">Milliseconds per sample.</param>
/// <param name="RelativeTime">Time over the full network's time.</param>
/// <param name="RelativeTimeRelativeIqr">IQR / median of the per-repeat ratios.</param>
/// <param name="TimeSavedPerFlopSaved">(1 − relative time) / (1 − relative FLOPs); null when no FLOPs are saved.</param>
/// <param name="Time">Milliseconds per pass.</param>
public sealed record ThresholdMeasurement(
    string Label,
    double Threshold,
    int BatchSize,
    double SweepRelativeFlops,
    double RelativeFlops,
    double Accuracy,
    IReadOnlyList<int> ExitCounts,
    double MsPerSample,
    double RelativeTime,
    double RelativeTimeRelativeIqr,
    double? TimeSavedPerFlopSaved,
    TimingStats Time);
