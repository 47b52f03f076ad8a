namespace EarlyExitBench.Harness.Measurement;

/// <summary>One global-threshold method of a measured cell, scored with measured time instead of FLOPs as each exit's cost.</summary>
/// <param name="BatchSize">The batch size whose exit latencies are the costs.</param>
/// <param name="Calibrator">Calibrator label.</param>
/// <param name="FailurePredictor">Failure predictor label.</param>
/// <param name="Score">Efficiency score (normalised area under the accuracy-vs-relative-time front).</param>
/// <param name="AccuracyAtBudget">Accuracy at 25/50/75/100% of the full network's measured time.</param>
/// <param name="FlopScore">The same method's FLOP-based efficiency score, beside it.</param>
public sealed record TimeCostScore(int BatchSize, string Calibrator, string FailurePredictor, double Score, IReadOnlyDictionary<string, double> AccuracyAtBudget, double FlopScore);
