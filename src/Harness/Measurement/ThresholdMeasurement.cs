namespace EarlyExitBench.Harness.Measurement;

/// <summary>Dynamic inference at one threshold and batch size, on the timed samples.</summary>
/// <param name="Label">Why the threshold was chosen (see <see cref="ChosenThreshold.Label"/>).</param>
/// <param name="Threshold">τ.</param>
/// <param name="BatchSize">Samples per batch; exited samples leave the batch.</param>
/// <param name="SweepRelativeFlops">Relative FLOPs the simulated sweep predicts at τ on the whole test split.</param>
/// <param name="RelativeFlops">Relative FLOPs of the exits dynamic inference actually took on the timed samples.</param>
/// <param name="Accuracy">Accuracy of dynamic inference on the timed samples.</param>
/// <param name="ExitCounts">Samples that stopped at each exit, exit 1 first.</param>
/// <param name="MsPerSample">Median milliseconds per pass divided by the samples in the pass.</param>
/// <param name="RelativeTime">Median over paired repeats of time / the full network's time (<see cref="FullNetworkTiming"/>), same batch
/// size, the two interleaved so that drifts in machine speed cancel.</param>
/// <param name="RelativeTimeRelativeIqr">IQR / median of those per-repeat ratios.</param>
/// <param name="TimeSavedPerFlopSaved">(1 − relative time) / (1 − relative FLOPs): 1 means time falls exactly as FLOPs do, the
/// physical limit; null when no FLOPs are saved.</param>
/// <param name="Time">Milliseconds per pass over the timed samples (from the paired repeats).</param>
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
