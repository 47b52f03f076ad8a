namespace EarlyExitBench.Harness.Evaluation;

/// <summary>Efficiency of one method's accuracy-versus-cost curve.</summary>
/// <param name="Score">Mean of the Pareto step function A(x) over relative cost x ∈ [cost(1)/cost(K), 1].</param>
/// <param name="AccuracyAtBudget">A(b) for b in "0.25", "0.5", "0.75", "1.0"; 0 when b is below every reachable cost.</param>
/// <param name="CostSavedAtMatchedAccuracy">For δ in "0", "0.5", "1" accuracy points: fraction of cost(K) saved by the cheapest
/// threshold whose accuracy is at least the last exit's minus δ; null if none reaches it.</param>
/// <param name="Oracle">The oracle upper bound.</param>
/// <param name="ParetoFront">Operating points with strictly increasing relative cost and strictly increasing accuracy: the Pareto
/// front, thinned to at most <see cref="Efficiency.MaxFrontPoints"/> vertices for plotting (<see cref="Efficiency.Thin"/>).</param>
public sealed record EfficiencyResult(double Score, IReadOnlyDictionary<string, double> AccuracyAtBudget,
    IReadOnlyDictionary<string, double?> CostSavedAtMatchedAccuracy, OracleResult Oracle, IReadOnlyList<OperatingPoint> ParetoFront);
