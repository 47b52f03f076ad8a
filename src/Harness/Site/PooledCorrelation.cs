using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Site;

/// <summary>
/// The leaderboard's proxy correlations (<see cref="GroupAssembler.Correlate"/>) computed again from what entries record:
/// each seed's mean-over-exit proxies and score. Per-exit proxies (<c>name@exitK</c>) are not in the records, so a table
/// ranked over several submissions has the mean-over-exit correlations only.
/// </summary>
public static class PooledCorrelation
{
    /// <summary>Spearman and Kendall of each mean-over-exit proxy against the score, over the entries of <paramref name="policy"/>.</summary>
    /// <param name="entries">The entries of one setting.</param>
    /// <param name="policy">The exit policy whose entries are correlated.</param>
    /// <param name="pooled">False: one point per method, proxies and score averaged over seeds (the headline); true: one per (method, seed).</param>
    /// <param name="resamples">Bootstrap resamples of the intervals.</param>
    /// <param name="seed">Their seed.</param>
    public static IReadOnlyDictionary<string, Results.CorrelationResult> Of(IReadOnlyList<EntryResult> entries, string policy, bool pooled, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var points = entries
            .Where(e => e.ExitPolicy == policy)
            .SelectMany(e => pooled
                ? e.PerSeed.Select(s => (Key: $"{e.Calibrator}\u0001{e.FailurePredictor}\u0001{s.Seed}", Seeds: (IReadOnlyList<SeedResult>)new[] { s }))
                : Enumerable.Repeat((Key: $"{e.Calibrator}\u0001{e.FailurePredictor}", Seeds: e.PerSeed), 1))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (Proxies: Average(p.Seeds), Score: p.Seeds.Average(s => s.Score)))
            .ToList();
        return ProxyCorrelation.Compute(points.Select(p => p.Proxies).ToList(), points.Select(p => p.Score).ToList(), resamples, seed).ToResults();
    }

    // As the leaderboard does: a proxy enters the average only where every seed defines it.
    private static IReadOnlyDictionary<string, double> Average(IReadOnlyList<SeedResult> seeds) => GroupAssembler.Average(seeds.Select(s => s.Proxies).ToList());
}
