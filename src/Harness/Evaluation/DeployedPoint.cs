namespace EarlyExitBench.Harness.Evaluation;

/// <summary>Thresholds chosen on validation for one budget, and what they give on validation and, applied unchanged, on test.</summary>
/// <param name="Thresholds">The global rule: its one threshold τ; the per-exit rule: the threshold of each exit but the last (which accepts every sample). +∞ sends every sample to the last exit.</param>
/// <param name="ValidationAccuracy">Accuracy on validation, what the choice maximised.</param>
/// <param name="ValidationRelativeCost">Relative cost on validation, at most the budget.</param>
/// <param name="Accuracy">Test accuracy.</param>
/// <param name="MeanCost">Test mean cost, in the unit of the exit costs (FLOPs).</param>
/// <param name="RelativeCost">Test mean cost divided by the cost of the last exit; may exceed the budget.</param>
public sealed record DeployedPoint(IReadOnlyList<double> Thresholds, double ValidationAccuracy, double ValidationRelativeCost, double Accuracy, double MeanCost, double RelativeCost);
