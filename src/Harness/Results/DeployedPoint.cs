namespace EarlyExitBench.Harness.Results;

/// <summary>Thresholds chosen on validation for one budget: what they gave there and, unchanged, on test (the thresholds themselves are in the cell results).</summary>
/// <param name="ValidationAccuracy">Validation accuracy, what the choice maximised.</param>
/// <param name="ValidationRelativeCost">Validation relative cost, at most the budget.</param>
/// <param name="Accuracy">Test accuracy.</param>
/// <param name="MeanCost">Test mean cost (FLOPs, as <c>cost_convention</c> counts them).</param>
/// <param name="RelativeCost">Test mean cost over the cost of the last exit; may exceed the budget.</param>
public sealed record DeployedPoint(double ValidationAccuracy, double ValidationRelativeCost, double Accuracy, double MeanCost, double RelativeCost);
