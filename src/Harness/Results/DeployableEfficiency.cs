namespace EarlyExitBench.Harness.Results;

/// <summary>
/// Global-threshold entries: thresholds chosen on validation only, applied unchanged to test, averaged over seeds
/// (docs/metrics.md, "Deployable efficiency"). <c>efficiency.score</c> chooses its thresholds on test (the field's usual,
/// optimistic curve); this is what a deployed model gets.
/// </summary>
/// <param name="Score">Mean over seeds of ∫ D(b) db over [x_min, 1] / (1 − x_min), D(b) the test accuracy of the global threshold
/// chosen on validation for budget b: the normalisation of <c>efficiency.score</c>.</param>
/// <param name="ScoreCi">95% bootstrap interval over test samples (the resamples of <c>score_ci</c>); null without replicates.</param>
/// <param name="OracleGap"><c>efficiency.score</c> − <paramref name="Score"/>: how much choosing the thresholds on test flatters the method.</param>
/// <param name="OracleGapCi">95% paired bootstrap interval of <paramref name="OracleGap"/>; null without replicates.</param>
/// <param name="PerExitScore">The same area for per-exit thresholds (one validation quantile per exit), chosen on validation.</param>
/// <param name="Budgets">Per target budget, both rules on validation and test, and the test-set sweep's A(b).</param>
/// <param name="ThresholdSource">Which data chose the thresholds.</param>
public sealed record DeployableEfficiency(
    double Score,
    double[]? ScoreCi,
    double OracleGap,
    double[]? OracleGapCi,
    double PerExitScore,
    IReadOnlyList<DeployableBudget> Budgets,
    string ThresholdSource);
