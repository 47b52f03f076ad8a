namespace EarlyExitBench.Harness.Results;

/// <summary>One global-threshold method scored with measured time instead of FLOPs as each exit's cost.</summary>
/// <param name="BatchSize">The batch size whose exit latencies are the costs.</param>
/// <param name="Calibrator">Calibrator label.</param>
/// <param name="FailurePredictor">Failure predictor label.</param>
/// <param name="Score">Efficiency score over relative time.</param>
/// <param name="AccuracyAtBudget">Accuracy at 25/50/75/100% of the full network's measured time.</param>
/// <param name="FlopScore">The same method's FLOP-based score.</param>
public sealed record TimeCostScore(int BatchSize, string Calibrator, string FailurePredictor, double Score, IReadOnlyDictionary<string, double> AccuracyAtBudget, double FlopScore);
