using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Pipeline;

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

    /// <summary>Spearman and Kendall of every proxy against efficiency, across methods and seeds.</summary>
    public static IReadOnlyDictionary<string, CorrelationResult> Correlate(IReadOnlyList<MethodResult> methods, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var ordered = methods
            .OrderBy(m => m.Calibrator, StringComparer.Ordinal)
            .ThenBy(m => m.FailurePredictor, StringComparer.Ordinal)
            .ThenBy(m => m.ExitPolicy, StringComparer.Ordinal)
            .ThenBy(m => m.Seed)
            .ToList();
        var result = ProxyCorrelation.Compute(
            ordered.Select(m => ProxyValues(m.Evaluation)).ToList(),
            ordered.Select(m => m.Evaluation.Efficiency.Score).ToList(),
            resamples,
            seed);
        return new SortedDictionary<string, CorrelationResult>(result.ToDictionary(), StringComparer.Ordinal);
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
