namespace EarlyExitBench.Harness.Evaluation;

/// <summary>Rank correlation between one proxy and the efficiency score across methods.</summary>
/// <param name="Spearman">Spearman ρ (average ranks for ties); null when undefined.</param>
/// <param name="SpearmanCi">Bootstrap 95% percentile interval [low, high] of ρ; null when no resample defines it.</param>
/// <param name="Kendall">Kendall τ_b; null when undefined.</param>
/// <param name="KendallCi">Bootstrap 95% percentile interval [low, high] of τ_b; null when no resample defines it.</param>
/// <param name="Count">Number of methods with a usable (non-NaN) proxy and efficiency value.</param>
public sealed record CorrelationResult(double? Spearman, double[]? SpearmanCi, double? Kendall, double[]? KendallCi, int Count);
