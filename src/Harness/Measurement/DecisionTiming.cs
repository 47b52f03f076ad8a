namespace EarlyExitBench.Harness.Measurement;

/// <summary>Where the time of one exit goes, for one batch in which every sample is still running (the worst case).</summary>
/// <param name="Exit">One-based exit index.</param>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="ForwardMs">The exit's block and head: the cumulative latency to this exit minus that to the previous one (ms per batch).</param>
/// <param name="CalibrateMs">The exit's fitted calibrator on the head's logits (probabilities and, for logit calibrators, calibrated logits).</param>
/// <param name="ScoreMs">The fitted failure predictor's score at this exit, given exits 1..k.</param>
/// <param name="GatherMs">Reading the head's logits off the device, comparing each score with the threshold, the argmax of the rows that stop, and gathering the half that go on (features and exits 1..k); at batch 1 the sample stops and nothing is gathered, as in dynamic inference.</param>
public sealed record DecisionTiming(int Exit, int BatchSize, double ForwardMs, double CalibrateMs, double ScoreMs, double GatherMs)
{
    /// <summary>Calibrate, score and gather: what deciding costs at this exit.</summary>
    public double DecisionMs => CalibrateMs + ScoreMs + GatherMs;
}
