namespace EarlyExitBench.Harness.Evaluation;

/// <summary>One target budget of <see cref="Deployable.Budgets"/>: both rules' choices and the test-set sweep's A(b) beside them.</summary>
/// <param name="Budget">Target relative cost b.</param>
/// <param name="OracleAccuracy">A(b) of the test-set sweep: the best test accuracy of any global threshold with test relative cost ≤ b.</param>
/// <param name="Global">One global threshold, chosen on validation.</param>
/// <param name="PerExit">Per-exit thresholds (one validation quantile for every exit), chosen on validation.</param>
public sealed record DeployableBudget(double Budget, double OracleAccuracy, DeployedPoint Global, DeployedPoint PerExit);
