using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Methods;

namespace EarlyExitBench.Harness.Leaderboard;

/// <summary>Averages methods over seeds, ranks them by efficiency score and correlates every proxy with it.</summary>
public static class GroupAssembler
{
    /// <summary>The per-exit metrics that are proxies (accuracy is the target's ingredient, not a proxy).</summary>
    public static IReadOnlyList<(string Name, Func<ExitMetrics, double?> Read)> Proxies { get; } =
    [
        ("ece", m => m.Ece),
        ("adaptive_ece", m => m.AdaptiveEce),
        ("mce", m => m.Mce),
        ("classwise_ece", m => m.ClasswiseEce),
        ("brier", m => m.Brier),
        ("nll", m => m.Nll),
        ("auroc", m => m.Auroc),
        ("aupr_error", m => m.AuprError),
        ("fpr95", m => m.Fpr95),
        ("aurc", m => m.Aurc),
        ("eaurc", m => m.Eaurc),
        ("augrc", m => m.Augrc),
        ("eefp_auroc", m => m.EefpAuroc),
        ("rank_preservation", m => m.RankPreservation),
    ];

    /// <summary>Ranked entries: best mean efficiency score first; ties broken by names so the order is stable.</summary>
    public static IReadOnlyList<EntryResult> Rank(IEnumerable<MethodResult> methods)
    {
        var entries = methods
            .GroupBy(m => (m.Calibrator, m.FailurePredictor, m.ExitPolicy))
            .Select(g => Summarise(g.Key.Calibrator, g.Key.FailurePredictor, g.Key.ExitPolicy, g.OrderBy(m => m.Seed).ToList()))
            .OrderByDescending(e => e.Efficiency.Score)
            .ThenBy(e => e.Calibrator, StringComparer.Ordinal)
            .ThenBy(e => e.FailurePredictor, StringComparer.Ordinal)
            .ThenBy(e => e.ExitPolicy, StringComparer.Ordinal)
            .ToList();
        return entries.Select((e, i) => e with { Rank = i + 1 }).ToList();
    }

    /// <summary>Proxy values of one method on one seed: the mean over exits as <c>name</c>, each exit as <c>name@exitK</c>.</summary>
    public static IReadOnlyDictionary<string, double> ProxyValues(MethodEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, read) in Proxies)
        {
            var perExit = evaluation.PerExit.Select(read).ToList();
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
    public static IReadOnlyDictionary<string, CorrelationResult> Correlate(IReadOnlyList<MethodResult> methods, int resamples, int seed, bool pooled = false, string policy = CellEvaluator.GlobalThreshold)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var points = methods
            .Where(m => m.ExitPolicy == policy)
            .GroupBy(m => pooled ? $"{m.Calibrator}\u0001{m.FailurePredictor}\u0001{m.Seed}" : $"{m.Calibrator}\u0001{m.FailurePredictor}")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Proxies: Average(g.Select(m => ProxyValues(m.Evaluation)).ToList()), Score: g.Average(m => m.Evaluation.Efficiency.Score)))
            .ToList();
        var result = ProxyCorrelation.Compute(points.Select(p => p.Proxies).ToList(), points.Select(p => p.Score).ToList(), resamples, seed);
        return new SortedDictionary<string, CorrelationResult>(result.ToDictionary(), StringComparer.Ordinal);
    }

    /// <summary>The seed-averaged correlations again for each plugin exit policy, whose efficiency comes from its own operating points.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, CorrelationResult>> CorrelateByPolicy(IReadOnlyList<MethodResult> methods, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(methods);
        return new SortedDictionary<string, IReadOnlyDictionary<string, CorrelationResult>>(
            methods.Select(m => m.ExitPolicy).Where(p => p != CellEvaluator.GlobalThreshold).Distinct()
                .ToDictionary(p => p, p => Correlate(methods, resamples, seed, pooled: false, policy: p)),
            StringComparer.Ordinal);
    }

    private static IReadOnlyDictionary<string, double> Average(IReadOnlyList<IReadOnlyDictionary<string, double>> values)
    {
        // A proxy enters the average only where every seed defines it.
        var keys = values.SelectMany(v => v.Keys).Distinct().Where(k => values.All(v => v.ContainsKey(k)));
        return keys.ToDictionary(k => k, k => values.Average(v => v[k]));
    }

    private static EntryResult Summarise(string calibrator, string predictor, string policy, IReadOnlyList<MethodResult> seeds)
    {
        var efficiencies = seeds.Select(s => s.Evaluation.Efficiency).ToList();
        var summary = new EfficiencySummary(
            efficiencies.Average(e => e.Score),
            AverageKeys(efficiencies.Select(e => e.AccuracyAtBudget)),
            AverageNullableKeys(efficiencies.Select(e => e.CostSavedAtMatchedAccuracy)),
            new OracleResult(efficiencies.Average(e => e.Oracle.Accuracy), efficiencies.Average(e => e.Oracle.RelativeCost)));
        var exits = seeds[0].Evaluation.PerExit.Count;
        var perExit = Enumerable.Range(0, exits)
            .Select(k => (seeds.Count == 1 ? seeds[0].Evaluation.PerExit[k] : Mean(seeds.Select(s => s.Evaluation.PerExit[k]).ToList())) with { Exit = k + 1 })
            .ToList();
        var perSeed = seeds.Select(s => new SeedResult(s.Seed, s.Evaluation.Efficiency.Score, s.Evaluation.Efficiency.ParetoFront)).ToList();
        return new EntryResult(0, calibrator, predictor, policy, summary, perExit, perSeed);
    }

    private static ExitMetrics Mean(IReadOnlyList<ExitMetrics> m)
    {
        static double? N(IEnumerable<double?> values)
        {
            var list = values.ToList();
            return list.All(v => v.HasValue) ? list.Average(v => v!.Value) : null;
        }

        return new ExitMetrics(
            m[0].Exit,
            m.Average(x => x.Accuracy),
            m.Average(x => x.Ece),
            m.Average(x => x.AdaptiveEce),
            m.Average(x => x.Mce),
            m.Average(x => x.ClasswiseEce),
            m.Average(x => x.Brier),
            m.Average(x => x.Nll),
            N(m.Select(x => x.Auroc)),
            N(m.Select(x => x.AuprError)),
            N(m.Select(x => x.Fpr95)),
            m.Average(x => x.Aurc),
            m.Average(x => x.Eaurc),
            m.Average(x => x.Augrc),
            N(m.Select(x => x.EefpAuroc)),
            N(m.Select(x => x.RankPreservation)));
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
