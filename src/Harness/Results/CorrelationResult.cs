namespace EarlyExitBench.Harness.Results;

/// <summary>Rank correlation between one proxy and the efficiency score across methods.</summary>
/// <param name="Spearman">Spearman ρ; null when undefined.</param>
/// <param name="SpearmanCi">Bootstrap 95% interval of ρ; null when none.</param>
/// <param name="Kendall">Kendall τ_b; null when undefined.</param>
/// <param name="KendallCi">Bootstrap 95% interval of τ_b; null when none.</param>
/// <param name="Count">Methods with a usable proxy and efficiency value.</param>
public sealed record CorrelationResult(double? Spearman, double[]? SpearmanCi, double? Kendall, double[]? KendallCi, int Count);
