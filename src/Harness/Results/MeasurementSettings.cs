namespace EarlyExitBench.Harness.Results;

/// <summary>How the wall-clock measurements were taken.</summary>
/// <param name="WarmupRepeats">Untimed runs before timing.</param>
/// <param name="MinRepeats">Timed repeats before the stopping rule is checked.</param>
/// <param name="MaxRepeats">Timed repeats at most.</param>
/// <param name="TargetRelativeIqr">Stop once IQR / median is at most this.</param>
/// <param name="MaxSecondsPerMeasurement">Time cap per measurement.</param>
/// <param name="MinRepeatMilliseconds">Shortest repeat.</param>
/// <param name="BatchSizes">Batch sizes measured.</param>
/// <param name="Samples">Test samples used for the threshold timings.</param>
public sealed record MeasurementSettings(
    int WarmupRepeats,
    int MinRepeats,
    int MaxRepeats,
    double TargetRelativeIqr,
    double MaxSecondsPerMeasurement,
    double MinRepeatMilliseconds,
    IReadOnlyList<int> BatchSizes,
    int Samples);
