using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Methods;
using EarlyExitBench.Harness.Results;
using CorrelationResult = EarlyExitBench.Harness.Evaluation.CorrelationResult;
using ExitMetrics = EarlyExitBench.Harness.Evaluation.ExitMetrics;
using MetricValue = EarlyExitBench.Harness.Evaluation.MetricValue;

namespace EarlyExitBench.Harness.Leaderboard;

/// <summary>Averages methods over seeds, ranks them by efficiency score and correlates every proxy with it.</summary>
public static class GroupAssembler
{
    /// <summary>
    /// Whether a metric is a proxy when the plan does not say (plans written before metrics were registered): all but
    /// accuracy, which is an ingredient of the target rather than a proxy for it.
    /// </summary>
    public static bool IsProxyByDefault(string metric) => metric != "accuracy";

    /// <summary>
    /// Ranked entries: best mean efficiency score first; ties broken by names so the order is stable. Entries that are
    /// identical (<see cref="RankingUncertainty.Identical"/>: the same score on every seed and on every bootstrap resample,
    /// as methods that stop every test sample at the same exit are) are placed together and share the first one's rank
    /// (competition ranking: 1, 1, 3) and, per resample, its rank, hence its rank interval.
    /// </summary>
    /// <param name="methods">Every (method, seed) of a group.</param>
    /// <param name="isProxy">Which metrics are proxies (each seed's mean-over-exit proxies are kept); null for <see cref="IsProxyByDefault"/>.</param>
    public static IReadOnlyList<EntryResult> Rank(IEnumerable<MethodResult> methods, Func<string, bool>? isProxy = null) =>
        RankEntries(methods
            .GroupBy(m => (m.Calibrator, m.FailurePredictor, m.ExitPolicy))
            .Select(g => g.OrderBy(m => m.Seed).ToList())
            .Select(seeds => (Summarise(seeds[0].Calibrator, seeds[0].FailurePredictor, seeds[0].ExitPolicy, seeds, isProxy), RankingUncertainty.SeedAveraged(seeds))));

    /// <summary>
    /// The ranking of <see cref="Rank"/> applied to summarised entries (their rank and intervals are recomputed, whatever
    /// they hold): what the leaderboard site uses to rank the entries of several submissions of one setting together.
    /// </summary>
    /// <param name="summarised">Each entry with its seed-averaged replicates (<see cref="RankingUncertainty.SeedAveraged(IReadOnlyList{IReadOnlyList{double}})"/>), in any order.</param>
    public static IReadOnlyList<EntryResult> RankEntries(IEnumerable<(EntryResult Entry, double[]? Replicates)> summarised)
    {
        ArgumentNullException.ThrowIfNull(summarised);
        var entries = summarised
            .Select(e => (Entry: e.Entry with { Rank = 0, RankCi = null, Efficiency = e.Entry.Efficiency with { ScoreCi = null, TiedWithLeader = null, GapToLeaderCi = null } }, e.Replicates))
            .OrderByDescending(e => e.Entry.Efficiency.Score)
            .ThenBy(e => e.Entry.Calibrator, StringComparer.Ordinal)
            .ThenBy(e => e.Entry.FailurePredictor, StringComparer.Ordinal)
            .ThenBy(e => e.Entry.ExitPolicy, StringComparer.Ordinal)
            .ToList();
        entries = RankingUncertainty.GroupIdentical(entries, e => e.Entry, e => e.Replicates);
        var ranked = new List<EntryResult>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var same = i > 0 && RankingUncertainty.Identical(entries[i - 1].Entry, entries[i - 1].Replicates, entries[i].Entry, entries[i].Replicates);
            ranked.Add(entries[i].Entry with { Rank = same ? ranked[i - 1].Rank : i + 1 });
        }

        return RankingUncertainty.Apply(ranked, entries.Select(e => e.Replicates).ToList());
    }

    /// <summary>Proxy values of one method on one seed: the mean over exits as <c>name</c>, each exit as <c>name@exitK</c>.</summary>
    /// <param name="evaluation">One method on one seed.</param>
    /// <param name="isProxy">Which metrics are proxies; null for <see cref="IsProxyByDefault"/>.</param>
    public static IReadOnlyDictionary<string, double> ProxyValues(MethodEvaluation evaluation, Func<string, bool>? isProxy = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var names = evaluation.PerExit.SelectMany(m => m.Values.Select(v => v.Name)).Distinct().Where(isProxy ?? IsProxyByDefault);
        foreach (var name in names)
        {
            var perExit = evaluation.PerExit.Select(m => m[name]).ToList();
            var defined = perExit.OfType<double>().Where(double.IsFinite).ToList();
            if (defined.Count > 0)
            {
                values[name] = defined.Average();
            }

            for (var k = 0; k < perExit.Count; k++)
            {
                if (perExit[k] is { } v && double.IsFinite(v))
                {
                    values[$"{name}@exit{k + 1}"] = v;
                }
            }
        }

        return values;
    }

    /// <summary>
    /// Spearman and Kendall of every proxy against the efficiency score, across the global-threshold methods
    /// of a group. <paramref name="pooled"/> false: one point per method, proxies and score averaged over seeds
    /// (the headline: seed-to-seed model variance would otherwise swamp the differences between methods);
    /// true: one point per (method, seed).
    /// </summary>
    public static IReadOnlyDictionary<string, CorrelationResult> Correlate(
        IReadOnlyList<MethodResult> methods, int resamples, int seed, bool pooled = false, string policy = GlobalThresholdPolicy.Alias, Func<string, bool>? isProxy = null)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var points = methods
            .Where(m => m.ExitPolicy == policy)
            .GroupBy(m => pooled ? $"{m.Calibrator}\u0001{m.FailurePredictor}\u0001{m.Seed}" : $"{m.Calibrator}\u0001{m.FailurePredictor}")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Proxies: Average(g.Select(m => ProxyValues(m.Evaluation, isProxy)).ToList()), Score: g.Average(m => m.Evaluation.Efficiency.Score)))
            .ToList();
        var result = ProxyCorrelation.Compute(points.Select(p => p.Proxies).ToList(), points.Select(p => p.Score).ToList(), resamples, seed);
        return new SortedDictionary<string, CorrelationResult>(result.ToDictionary(), StringComparer.Ordinal);
    }

    /// <summary>The seed-averaged correlations again for each plugin exit policy, whose efficiency comes from its own operating points.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, CorrelationResult>> CorrelateByPolicy(
        IReadOnlyList<MethodResult> methods, int resamples, int seed, Func<string, bool>? isProxy = null)
    {
        ArgumentNullException.ThrowIfNull(methods);
        return new SortedDictionary<string, IReadOnlyDictionary<string, CorrelationResult>>(
            methods.Where(m => !m.Key.IsGlobalThreshold).Select(m => m.ExitPolicy).Distinct()
                .ToDictionary(p => p, p => Correlate(methods, resamples, seed, pooled: false, policy: p, isProxy)),
            StringComparer.Ordinal);
    }

    /// <summary>The mean-over-exits proxies of one seed, keyed like <c>proxy_correlation</c>.</summary>
    private static IReadOnlyDictionary<string, double> MeanProxies(MethodEvaluation evaluation, Func<string, bool>? isProxy) =>
        new SortedDictionary<string, double>(ProxyValues(evaluation, isProxy).Where(p => !p.Key.Contains('@', StringComparison.Ordinal)).ToDictionary(), StringComparer.Ordinal);

    /// <summary>Each proxy's mean over <paramref name="values"/> (seeds), for the proxies every one of them defines.</summary>
    internal static IReadOnlyDictionary<string, double> Average(IReadOnlyList<IReadOnlyDictionary<string, double>> values)
    {
        // A proxy enters the average only where every seed defines it.
        var keys = values.SelectMany(v => v.Keys).Distinct().Where(k => values.All(v => v.ContainsKey(k)));
        return keys.ToDictionary(k => k, k => values.Average(v => v[k]));
    }

    private static EntryResult Summarise(string calibrator, string predictor, string policy, IReadOnlyList<MethodResult> seeds, Func<string, bool>? isProxy)
    {
        var efficiencies = seeds.Select(s => s.Evaluation.Efficiency).ToList();
        var summary = new EfficiencySummary(
            efficiencies.Average(e => e.Score),
            null,
            null,
            null,
            AverageKeys(efficiencies.Select(e => e.AccuracyAtBudget)),
            AverageNullableKeys(efficiencies.Select(e => e.CostSavedAtMatchedAccuracy)),
            new Results.OracleResult(efficiencies.Average(e => e.Oracle.Accuracy), efficiencies.Average(e => e.Oracle.RelativeCost)))
        {
            Deployable = DeployableSummary.Of(seeds),
        };
        var exits = seeds[0].Evaluation.PerExit.Count;
        var perExit = Enumerable.Range(0, exits)
            .Select(k => ((seeds.Count == 1 ? seeds[0].Evaluation.PerExit[k] : Mean(seeds.Select(s => s.Evaluation.PerExit[k]).ToList())) with { Exit = k + 1 }).ToResults())
            .ToList();
        var perSeed = seeds.Select(s => new SeedResult(s.Seed, s.Evaluation.Efficiency.Score, MeanProxies(s.Evaluation, isProxy), s.Evaluation.Efficiency.ParetoFront.Select(p => p.ToResults()).ToList(), s.EfficiencyReplicates,
            s.LateExits is { } l ? new Results.LateExitRecord(l.Threshold, l.Accuracy, l.RelativeCost, l.LateSamples, l.WastedFlops, l.SpentFlops) : null,
            s.Deployable?.Score, s.Deployable is null ? null : s.DeployableReplicates)).ToList();
        return new EntryResult(0, null, calibrator, predictor, policy, summary, perExit, perSeed, AverageRiskCoverage(seeds));
    }

    private static RiskCoverageCurves? AverageRiskCoverage(IReadOnlyList<MethodResult> seeds)
    {
        if (seeds.Any(s => s.RiskCoverage is null) || seeds.Select(s => s.RiskCoverage!.Count).Distinct().Count() != 1)
        {
            return null;
        }

        var exits = seeds[0].RiskCoverage!.Count;
        var risk = Enumerable.Range(0, exits)
            .Select(k => Enumerable.Range(0, RiskCoverage.Points).Select(j => Math.Round(seeds.Average(s => s.RiskCoverage![k][j]), 6)).ToArray())
            .ToList();
        return new RiskCoverageCurves(RiskCoverage.Grid, risk);
    }

    /// <summary>Each metric's mean over seeds; null where any seed leaves it undefined.</summary>
    private static ExitMetrics Mean(IReadOnlyList<ExitMetrics> seeds)
    {
        var values = seeds[0].Values
            .Select(v => v.Name)
            .Select(name =>
            {
                var perSeed = seeds.Select(s => s[name]).ToList();
                return new MetricValue(name, perSeed.All(v => v.HasValue) ? perSeed.Average(v => v!.Value) : null);
            })
            .ToList();
        return new ExitMetrics(seeds[0].Exit, values);
    }

    private static IReadOnlyDictionary<string, double> AverageKeys(IEnumerable<IReadOnlyDictionary<string, double>> dictionaries)
    {
        var list = dictionaries.ToList();
        return list[0].Keys.ToDictionary(k => k, k => list.Average(d => d[k]));
    }

    private static IReadOnlyDictionary<string, double?> AverageNullableKeys(IEnumerable<IReadOnlyDictionary<string, double?>> dictionaries)
    {
        var list = dictionaries.ToList();
        return list[0].Keys.ToDictionary(k => k, k => list.All(d => d[k].HasValue) ? list.Average(d => d[k]!.Value) : (double?)null);
    }
}
