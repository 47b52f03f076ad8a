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
        return SeedAveraged(seeds.Select(s => s.EfficiencyReplicates).ToList());
    }

    /// <summary>The same from each seed's replicates as the leaderboard records them (<c>per_seed[].efficiency_replicates</c>), in seed order.</summary>
    public static double[]? SeedAveraged(IReadOnlyList<IReadOnlyList<double>?> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0 || seeds.Any(s => s is null || s.Count == 0) || seeds.Select(s => s!.Count).Distinct().Count() != 1)
        {
            return null;
        }

        var count = seeds[0]!.Count;
        var mean = new double[count];
        for (var b = 0; b < count; b++)
        {
            double sum = 0;
            foreach (var seed in seeds)
            {
                sum += seed![b];
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
        var rankIntervals = RankIntervals(usable, replicates, count, i => i > 0 && ranked[i].Rank == ranked[i - 1].Rank);
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

    /// <summary>
    /// Whether two entries are identical as far as the leaderboard can tell: the same score and Pareto front on every seed
    /// and the same value on every bootstrap replicate (or no replicates for either). Methods that stop every test sample at
    /// the same exit are; two different methods match on all replicates only by an unlikely coincidence.
    /// </summary>
    public static bool Identical(EntryResult a, IReadOnlyList<double>? aReplicates, EntryResult b, IReadOnlyList<double>? bReplicates)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Efficiency.Score == b.Efficiency.Score
            && a.PerSeed.Count == b.PerSeed.Count
            && a.PerSeed.Zip(b.PerSeed).All(p => p.First.Seed == p.Second.Seed && p.First.Score == p.Second.Score && p.First.ParetoFront.SequenceEqual(p.Second.ParetoFront))
            && (aReplicates is null ? bReplicates is null : bReplicates is not null && aReplicates.SequenceEqual(bReplicates));
    }

    /// <summary>The list in the same order, except that each entry identical to an earlier one is moved right behind it (they have equal scores, so the order by score holds).</summary>
    public static List<T> GroupIdentical<T>(IReadOnlyList<T> items, Func<T, EntryResult> entry, Func<T, double[]?> replicates)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(replicates);
        var placed = new bool[items.Count];
        var result = new List<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (placed[i])
            {
                continue;
            }

            result.Add(items[i]);
            for (var j = i + 1; j < items.Count && entry(items[j]).Efficiency.Score == entry(items[i]).Efficiency.Score; j++)
            {
                if (!placed[j] && Identical(entry(items[i]), replicates(items[i]), entry(items[j]), replicates(items[j])))
                {
                    result.Add(items[j]);
                    placed[j] = true;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Per replicate, ranks the usable entries by their replicate (ties in leaderboard order; an entry that shares the rank
    /// of the one before it, being identical to it, shares its rank on every replicate too); percentiles of each entry's ranks.
    /// </summary>
    private static Dictionary<int, int[]> RankIntervals(IReadOnlyList<int> usable, IReadOnlyList<double[]?> replicates, int count, Func<int, bool> sharesRankWithPrevious)
    {
        var ranks = usable.ToDictionary(i => i, _ => new List<double>(count));
        for (var b = 0; b < count; b++)
        {
            // OrderByDescending is stable, so equal replicates keep leaderboard order and ranks depend on nothing else.
            var sorted = usable.OrderByDescending(i => replicates[i]![b]).ToList();
            var rank = 0;
            for (var r = 0; r < sorted.Count; r++)
            {
                // Identical entries have equal replicates and neighbouring leaderboard places, so the stable sort keeps them adjacent.
                rank = r > 0 && sorted[r] == sorted[r - 1] + 1 && sharesRankWithPrevious(sorted[r]) ? rank : r + 1;
                ranks[sorted[r]].Add(rank);
            }
        }

        return ranks.ToDictionary(p => p.Key, p => ProxyCorrelation.Interval(p.Value)!.Select((v, j) => j == 0 ? (int)Math.Floor(v) : (int)Math.Ceiling(v)).ToArray());
    }
}
