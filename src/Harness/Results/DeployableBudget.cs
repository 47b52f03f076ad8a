namespace EarlyExitBench.Harness.Results;

/// <summary>One target budget of a deployable efficiency, averaged over seeds.</summary>
/// <param name="Budget">Target relative cost b (0.2, 0.3, …, 1.0; those below cost(1)/cost(K) are left out).</param>
/// <param name="OracleAccuracy">A(b) of the test-set sweep, the number <c>accuracy_at_budget</c> gives at its budgets.</param>
/// <param name="Global">The global threshold chosen on validation.</param>
/// <param name="PerExit">The per-exit thresholds chosen on validation.</param>
public sealed record DeployableBudget(double Budget, double OracleAccuracy, DeployedPoint Global, DeployedPoint PerExit);
