using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Methods;
using R = EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Leaderboard;

/// <summary>A global-threshold entry's deployable efficiency over its seeds, with its intervals (docs/metrics.md, "Deployable efficiency").</summary>
public static class DeployableSummary
{
    /// <summary>The published <c>threshold_source</c>: which data chose the thresholds.</summary>
    public const string ThresholdSource =
        "validation: every sample of the cell's validation split, scored by the method fitted on it (calibrators and failure predictors are fitted on the same split); never the test set";

    /// <summary>The seeds' deployable efficiency averaged; null unless every seed has one.</summary>
    /// <param name="seeds">One entry's results, one per seed.</param>
    public static R.DeployableEfficiency? Of(IReadOnlyList<MethodResult> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0 || seeds.Any(s => s.Deployable is null))
        {
            return null;
        }

        var results = seeds.Select(s => s.Deployable!).ToList();
        var budgets = results[0].Budgets.Select(b => b.Budget).Where(b => results.All(r => r.Budgets.Any(x => x.Budget == b))).ToList();
        var averaged = budgets.Select(budget =>
        {
            var rows = results.Select(r => r.Budgets.First(x => x.Budget == budget).ToResults()).ToList();
            return new R.DeployableBudget(budget, rows.Average(r => r.OracleAccuracy), Average(rows.Select(r => r.Global).ToList()), Average(rows.Select(r => r.PerExit).ToList()));
        }).ToList();
        var score = results.Average(r => r.Score);
        var (scoreCi, gapCi) = Intervals(SeedAveraged(seeds, s => s.EfficiencyReplicates), SeedAveraged(seeds, s => s.DeployableReplicates));
        return new R.DeployableEfficiency(score, scoreCi, seeds.Average(s => s.Evaluation.Efficiency.Score) - score, gapCi, results.Average(r => r.PerExitScore), averaged, ThresholdSource);
    }

    /// <summary>
    /// The 95% intervals of the deployable score and of the oracle gap from paired replicates: replicate b of both scores
    /// saw the same test samples, so their difference on b is a replicate of the gap. The one place these intervals are
    /// made, so another bootstrap can replace it.
    /// </summary>
    /// <param name="oracle">Seed-averaged replicates of the test-set sweep's score; null when there are none.</param>
    /// <param name="deployable">Seed-averaged replicates of the deployable score, the same resamples; null when there are none.</param>
    public static (double[]? ScoreCi, double[]? GapCi) Intervals(double[]? oracle, double[]? deployable)
    {
        if (deployable is not { Length: > 0 })
        {
            return (null, null);
        }

        var scoreCi = ProxyCorrelation.Interval([.. deployable]);
        var gapCi = oracle?.Length == deployable.Length ? ProxyCorrelation.Interval([.. oracle.Zip(deployable, (o, d) => o - d)]) : null;
        return (scoreCi, gapCi);
    }

    /// <summary>Replicate b averaged over the seeds; null when a seed has none or they disagree on their number.</summary>
    private static double[]? SeedAveraged(IReadOnlyList<MethodResult> seeds, Func<MethodResult, IReadOnlyList<double>?> replicates)
    {
        var lists = seeds.Select(replicates).ToList();
        if (lists.Any(r => r is null || r.Count == 0) || lists.Select(r => r!.Count).Distinct().Count() != 1)
        {
            return null;
        }

        return [.. Enumerable.Range(0, lists[0]!.Count).Select(b => lists.Sum(r => r![b]) / lists.Count)];
    }

    private static R.DeployedPoint Average(IReadOnlyList<R.DeployedPoint> points) => new(
        points.Average(p => p.ValidationAccuracy),
        points.Average(p => p.ValidationRelativeCost),
        points.Average(p => p.Accuracy),
        points.Average(p => p.MeanCost),
        points.Average(p => p.RelativeCost));
}
