using System.Globalization;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>The report's tables, built once for both Markdown and HTML.</summary>
internal static class RankingTables
{
    /// <summary>The top <paramref name="rows"/> entries, plus every entry tied with the leader; tied rows are marked.</summary>
    public static ReportTable Ranking(GroupResult group, int rows)
    {
        var shown = group.Entries.Where((e, i) => i < rows || e.Efficiency.TiedWithLeader == true).ToList();
        var table = shown.Select(e =>
        {
            var b = e.Efficiency.AccuracyAtBudget;
            var auroc = e.PerExit.Select(x => x.Auroc).OfType<double>().DefaultIfEmpty(double.NaN).Average();
            return (IReadOnlyList<string>)
            [
                e.Rank.ToString(CultureInfo.InvariantCulture),
                e.RankCi is { } r ? $"{r[0]}–{r[1]}" : "–",
                e.Calibrator,
                e.FailurePredictor,
                e.ExitPolicy,
                ReportText.F(e.Efficiency.Score),
                e.Efficiency.ScoreCi is { } ci ? ReportText.Interval(ci) : "–",
                ReportText.F(e.Efficiency.Deployable?.Score),
                e.Efficiency.Deployable is { } d ? ReportText.F(d.OracleGap) + (d.OracleGapCi is { } g ? " " + ReportText.Interval(g) : string.Empty) : "–",
                e.Rank == 1 ? "–" : e.Efficiency.GapToLeaderCi is { } gap ? ReportText.Interval(gap) : "–",
                e.Efficiency.TiedWithLeader switch { true when e.Rank == 1 => "leader", true => "tied", false => "", null => "–" },
                ReportText.F(b["0.25"]),
                ReportText.F(b["0.5"]),
                ReportText.F(b["0.75"]),
                ReportText.F(b["1.0"]),
                e.Efficiency.CostSavedAtMatchedAccuracy.TryGetValue("0", out var s) && s is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "–",
                ReportText.F(e.PerExit[^1].Ece),
                ReportText.F(auroc),
            ];
        }).ToList();
        return new ReportTable(
            ["rank", "rank 95%", "calibrator", "failure predictor", "exit policy", "efficiency", "95% interval", "deployable", "oracle − deployable, 95%", "gap to leader, 95%", "tied", "acc@25%", "acc@50%", "acc@75%", "acc@100%", "saved @ δ=0", "last-exit ECE", "mean AUROC"],
            [true, true, false, false, false, true, true, true, true, true, false, true, true, true, true, true, true, true],
            table,
            shown.Select(e => e.Efficiency.TiedWithLeader == true).ToList());
    }

    /// <summary>Each proxy's correlation with efficiency, strongest first.</summary>
    public static ReportTable Proxies(IReadOnlyList<MetricSummary> metrics, IReadOnlyList<KeyValuePair<string, CorrelationResult>> proxies) => new(
        ["proxy (mean over exits)", "better", "Spearman ρ", "95% interval", "Kendall τ", "95% interval", "methods"],
        [false, false, true, true, true, true, true],
        proxies.OrderByDescending(p => Math.Abs(p.Value.Spearman ?? 0)).Select(p => (IReadOnlyList<string>)
        [
            p.Key,
            ReportText.Better(metrics, p.Key),
            ReportText.F(p.Value.Spearman, "F2"),
            p.Value.SpearmanCi is { } s ? ReportText.Interval(s, "F2") : "–",
            ReportText.F(p.Value.Kendall, "F2"),
            p.Value.KendallCi is { } k ? ReportText.Interval(k, "F2") : "–",
            p.Value.Count.ToString(CultureInfo.InvariantCulture),
        ]).ToList(),
        []);

    /// <summary>Dynamic inference at each timed threshold.</summary>
    public static ReportTable Measurements(IReadOnlyList<MeasurementRecord> records) => new(
        ["cell", "method", "batch", "threshold", "relative FLOPs", "relative time", "time saved / FLOPs saved", "accuracy"],
        [false, false, true, false, true, true, true, true],
        records.SelectMany(m => m.Measurement.Thresholds.Select(t => (IReadOnlyList<string>)
        [
            m.Cell,
            $"{m.Calibrator} + {m.FailurePredictor}",
            t.BatchSize.ToString(CultureInfo.InvariantCulture),
            t.Label,
            ReportText.F(t.RelativeFlops, "F3"),
            ReportText.F(t.RelativeTime, "F3"),
            ReportText.F(t.TimeSavedPerFlopSaved, "F2"),
            ReportText.F(t.Accuracy),
        ])).ToList(),
        []);

    /// <summary>Cost and size of each exit.</summary>
    public static ReportTable Exits(GroupResult group) => new(
        ["exit", "cost (FLOPs)", "relative cost", "params"],
        [true, true, true, true],
        group.Exits.Select(e => (IReadOnlyList<string>)
        [
            e.Index.ToString(CultureInfo.InvariantCulture),
            e.Cost.ToString("N0", CultureInfo.InvariantCulture),
            ReportText.F(e.RelativeCost, "F3"),
            e.Params is { } p ? p.ToString("N0", CultureInfo.InvariantCulture) : "–",
        ]).ToList(),
        []);
}
