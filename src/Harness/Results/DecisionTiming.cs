namespace EarlyExitBench.Harness.Results;

/// <summary>Where the time of one exit goes.</summary>
/// <param name="Exit">One-based exit index.</param>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="ForwardMs">The exit's block and head, ms per batch.</param>
/// <param name="CalibrateMs">The exit's calibrator.</param>
/// <param name="ScoreMs">The failure predictor's score.</param>
/// <param name="GatherMs">Reading, comparing and gathering.</param>
/// <param name="DecisionMs">Calibrate, score and gather (as written: the sum of the three).</param>
public sealed record DecisionTiming(int Exit, int BatchSize, double ForwardMs, double CalibrateMs, double ScoreMs, double GatherMs, double DecisionMs);
