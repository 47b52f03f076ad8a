using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Methods;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Leaderboard;

/// <summary>
/// Bootstrap intervals of a group's ranking. Each method's cells store B replicates of its efficiency score, made from
/// the same resamples of the test samples for every method and seed (<see cref="EfficiencyBootstrap"/>). An entry's
/// replicate b is the mean over its seeds of their replicate b, so the interval is the test-sample uncertainty of the
/// seed-averaged score; model-to-model variance between seeds is not in it (each seed's own score is in per_seed).
/// </summary>
public static class RankingUncertainty
{
    /// <summary>What <c>score_ci</c>, <c>rank_ci</c> and <c>tied_with_leader</c> mean, as the leaderboard states it.</summary>
    public const string Convention =
        "score_ci: 95% percentile bootstrap interval of the efficiency score over test samples (suite.evaluation.efficiency_bootstrap "
        + "resamples of the test indices, the same for every method and seed; fitted calibrators, scores and policies kept); with several "
        + "seeds, replicate b is the mean over seeds of each seed's replicate b, so the interval holds test-sample noise, not seed-to-seed "
        + "model variance (see per_seed). gap_to_leader_ci: 95% percentile interval of (rank-1 entry's replicate b - this entry's "
        + "replicate b), paired, as every method sees the same resamples. tied_with_leader: gap_to_leader_ci reaches 0 or below, i.e. the "
        + "data do not show the leader ahead (true for the leader itself). rank_ci: 2.5-97.5% percentiles of the entry's rank among the "
        + "group's entries over the same paired replicates.";

    /// <summary>Replicate b averaged over the seeds; null when a seed has none or they disagree on their number.</summary>
    public static double[]? SeedAveraged(IReadOnlyList<MethodResult> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0 || seeds.Any(s => s.EfficiencyReplicates is null || s.EfficiencyReplicates.Count == 0)
            || seeds.Select(s => s.EfficiencyReplicates!.Count).Distinct().Count() != 1)
        {
            return null;
        }

        var count = seeds[0].EfficiencyReplicates!.Count;
        var mean = new double[count];
        for (var b = 0; b < count; b++)
        {
            double sum = 0;
            foreach (var seed in seeds)
            {
                sum += seed.EfficiencyReplicates![b];
            }

            mean[b] = sum / seeds.Count;
        }

        return mean;
    }

    /// <summary>
    /// Adds score intervals, paired gaps to the leader, ties and rank intervals to <paramref name="ranked"/> (best first).
    /// Entries without replicates, or whose replicate count differs from the leader's, keep nulls.
    /// </summary>
    /// <param name="ranked">Entries in rank order.</param>
    /// <param name="replicates">Seed-averaged replicates per entry, same order; null where there are none.</param>
    public static IReadOnlyList<EntryResult> Apply(IReadOnlyList<EntryResult> ranked, IReadOnlyList<double[]?> replicates)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(replicates);
        if (ranked.Count == 0 || replicates[0] is not { Length: > 0 } leaderReplicates)
        {
            return ranked;
        }

        var count = leaderReplicates.Length;
        var usable = Enumerable.Range(0, ranked.Count).Where(i => replicates[i]?.Length == count).ToList();
        var intervals = ranked.Select((_, i) => replicates[i]?.Length == count ? ProxyCorrelation.Interval([.. replicates[i]!]) : null).ToList();
        var rankIntervals = RankIntervals(usable, replicates, count);
        return ranked.Select((entry, i) =>
        {
            if (intervals[i] is not { } ci)
            {
                return entry;
            }

            // Paired: replicate b of the leader and of this entry saw the same test samples, so their difference on b is
            // a replicate of the gap itself. The test set's shared difficulty cancels, as it does not in two marginal intervals.
            var gap = ProxyCorrelation.Interval([.. leaderReplicates.Zip(replicates[i]!, (l, e) => l - e)])!;
            return entry with
            {
                RankCi = rankIntervals.GetValueOrDefault(i),
                Efficiency = entry.Efficiency with { ScoreCi = ci, GapToLeaderCi = gap, TiedWithLeader = gap[0] <= 0 },
            };
        }).ToList();
    }

    /// <summary>Per replicate, ranks the usable entries by their replicate (ties in leaderboard order); percentiles of each entry's ranks.</summary>
    private static Dictionary<int, int[]> RankIntervals(IReadOnlyList<int> usable, IReadOnlyList<double[]?> replicates, int count)
    {
        var ranks = usable.ToDictionary(i => i, _ => new List<double>(count));
        for (var b = 0; b < count; b++)
        {
            // OrderByDescending is stable, so equal replicates keep leaderboard order and ranks depend on nothing else.
            var sorted = usable.OrderByDescending(i => replicates[i]![b]).ToList();
            for (var r = 0; r < sorted.Count; r++)
            {
                ranks[sorted[r]].Add(r + 1);
            }
        }

        return ranks.ToDictionary(p => p.Key, p => ProxyCorrelation.Interval(p.Value)!.Select((v, j) => j == 0 ? (int)Math.Floor(v) : (int)Math.Ceiling(v)).ToArray());
    }
}
