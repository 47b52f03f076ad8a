using System.Globalization;
using System.Text;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Site;

/// <summary>
/// The page of one setting (<c>settings/SLUG.html</c>): per ranking, the efficiency scores with their intervals, the
/// ranking table (ranks and their intervals, ties with the leader, and per row the submissions and each cell's verification
/// status), the Pareto fronts, reliability and risk–coverage at the last exit, and the proxies' correlations with efficiency.
/// </summary>
internal static class SettingView
{
    /// <summary>How many global-threshold entries the fronts and risk–coverage charts draw (the best-ranked).</summary>
    public const int Plotted = 5;

    /// <summary>How many points of one front or curve are drawn at most (evenly spaced, the ends kept).</summary>
    public const int MostPoints = 60;

    /// <summary>The page.</summary>
    public static string Render(SiteSetting setting, SiteLinks links)
    {
        const string root = "../";
        var html = new StringBuilder();
        if (setting.Note is { } note)
        {
            SiteHtml.Paragraph(html, note, "note");
        }

        html.Append("<p>Submissions: ");
        html.AppendJoin(", ", setting.Parts.Select(p => $"<a href=\"{SiteHtml.E(links.Submission(root, p.Submission.Name))}\">{SiteHtml.E(p.Submission.Name)}</a>"));
        html.Append(". Seeds: ").Append(string.Join(", ", setting.Seeds.Select(s => s.ToString(CultureInfo.InvariantCulture))))
            .Append(". Architecture options: <code>").Append(SiteHtml.E(setting.ArchitectureOptions)).Append("</code>.</p>\n");
        var metrics = setting.Parts[0].Submission.Leaderboard.Metrics;
        for (var i = 0; i < setting.Tables.Count; i++)
        {
            var table = setting.Tables[i];
            var id = $"t{i + 1}";
            var level = 2;
            if (setting.Tables.Count > 1)
            {
                SiteHtml.Heading(html, 2, "As submitted by " + table.Label, id);
                level = 3;
            }

            Table(html, table, id, level, links, metrics);
        }

        return SiteHtml.Page(setting.Title, setting.Benchmark, root, html.ToString());
    }

    private static void Table(StringBuilder html, SiteTable table, string id, int level, SiteLinks links, IReadOnlyList<MetricSummary> metrics)
    {
        var group = table.Group;
        SiteHtml.Heading(html, level, "Ranking", id + "-ranking");
        SiteHtml.Intervals(html, "Efficiency score with its 95% interval", "efficiency score", table.Rows.Select(r => new IntervalDot(
            r.Method, r.Entry.Efficiency.Score, r.Entry.Efficiency.ScoreCi?[0], r.Entry.Efficiency.ScoreCi?[1],
            $"{r.Method}: efficiency {SiteHtml.N(r.Entry.Efficiency.Score)}{Ci(r.Entry.Efficiency.ScoreCi)}, rank {r.Entry.Rank}")).ToList());
        SiteHtml.Table(html, id + "-table", RankingColumns, table.Rows.Select(r => RankingRow(r, links)), filter: true,
            caption: "Ranked by mean efficiency score over seeds. Rank interval and score interval: 95% paired bootstrap over test samples; "
            + "tied: the interval of the leader's score minus this one reaches 0, so the data do not show the leader ahead.");

        var global = table.Rows.Where(r => r.Entry.ExitPolicy == PublishedNames.GlobalThreshold).Take(Plotted).ToList();
        if (global.Any(r => r.Entry.PerSeed.Count > 0 && r.Entry.PerSeed[0].ParetoFront.Count > 0))
        {
            SiteHtml.Heading(html, level, "Pareto fronts", id + "-fronts");
            SiteHtml.Chart(html, $"Accuracy against relative cost, seed {global[0].Entry.PerSeed[0].Seed}, the {global.Count} best-ranked global-threshold entries",
                "cost relative to the last exit", "accuracy",
                global.Select(r => new ChartLine(r.Method, SiteHtml.Thin(r.Entry.PerSeed[0].ParetoFront, MostPoints).Select(p => new ChartDot(p.RelativeCost, p.Accuracy,
                    $"{r.Method}: relative cost {SiteHtml.N(p.RelativeCost)}, accuracy {SiteHtml.N(p.Accuracy)} (threshold {SiteHtml.N(p.Threshold)})")).ToList())).ToList());
        }

        var diagrams = group.Reliability.Where(d => d.PerExit.Count > 0).ToList();
        if (diagrams.Count > 0)
        {
            var exit = diagrams.Min(d => d.PerExit.Count) - 1;
            SiteHtml.Heading(html, level, "Calibration: reliability", id + "-reliability");
            SiteHtml.Chart(html, $"Reliability at exit {diagrams[0].PerExit[exit].Exit}, test predictions pooled over seeds", "mean confidence", "accuracy",
                diagrams.Select(d =>
                {
                    var bins = d.PerExit[exit];
                    return new ChartLine(d.Calibrator, Enumerable.Range(0, bins.Counts.Length)
                        .Where(b => bins.Confidence[b] is not null && bins.Accuracy[b] is not null)
                        .Select(b => new ChartDot(bins.Confidence[b]!.Value, bins.Accuracy[b]!.Value,
                            $"{d.Calibrator}, exit {bins.Exit}: confidence {SiteHtml.N(bins.Confidence[b]!.Value)}, accuracy {SiteHtml.N(bins.Accuracy[b]!.Value)} ({bins.Counts[b].ToString(CultureInfo.InvariantCulture)} predictions)"))
                        .ToList());
                }).ToList(),
                diagonal: true);
        }

        var curves = global.Where(r => r.Entry.RiskCoverage is { Risk.Count: > 0 }).ToList();
        if (curves.Count > 0)
        {
            var exit = curves.Min(r => r.Entry.RiskCoverage!.Risk.Count) - 1;
            SiteHtml.Heading(html, level, "Failure prediction: risk–coverage", id + "-risk-coverage");
            SiteHtml.Chart(html, $"Selective risk against coverage at exit {exit + 1}, averaged over seeds", "coverage", "selective risk",
                curves.Select(r => new ChartLine(r.Method, SiteHtml.Thin(r.Entry.RiskCoverage!.Coverage.Select((c, k) => new ChartDot(c, r.Entry.RiskCoverage.Risk[exit][k],
                    $"{r.Method}, exit {exit + 1}: coverage {SiteHtml.N(c, "F3")}, risk {SiteHtml.N(r.Entry.RiskCoverage.Risk[exit][k])}")).ToList(), MostPoints))).ToList());
        }

        if (group.ProxyCorrelation.Count > 0)
        {
            SiteHtml.Heading(html, level, "Proxies against efficiency", id + "-proxies");
            var better = metrics.ToDictionary(m => m.Name, m => m.Better, StringComparer.Ordinal);
            var overExits = group.ProxyCorrelation.Where(p => !p.Key.Contains('@', StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            SiteHtml.Intervals(html, "Spearman ρ of each proxy (mean over exits) with the efficiency score", "Spearman ρ",
                overExits.Where(p => p.Value.Spearman is not null).Select(p => new IntervalDot(p.Key, p.Value.Spearman!.Value, p.Value.SpearmanCi?[0], p.Value.SpearmanCi?[1],
                    $"{p.Key}: ρ {SiteHtml.N(p.Value.Spearman!.Value, "F3")}{Ci(p.Value.SpearmanCi, "F3")} over {p.Value.Count} methods")).ToList(),
                reference: 0);
            SiteHtml.Table(html, id + "-proxy-table", ProxyColumns, group.ProxyCorrelation.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (IReadOnlyList<HtmlCell>)
            [
                HtmlCell.Of(p.Key), HtmlCell.Of(better.GetValueOrDefault(p.Key.Split('@')[0], "")),
                HtmlCell.Number(p.Value.Spearman, "F3"), HtmlCell.Interval(p.Value.SpearmanCi, "F3"),
                HtmlCell.Number(p.Value.Kendall, "F3"), HtmlCell.Interval(p.Value.KendallCi, "F3"), HtmlCell.Integer(p.Value.Count),
            ]), filter: true, caption: "Rank correlation of each proxy with the efficiency score across the global-threshold methods (one point per method, averaged over seeds); "
                + "95% bootstrap intervals over methods. A lower-is-better proxy predicts well when ρ is strongly negative.");
        }
    }

    /// <summary>The ranking table's columns: the site's extra ones are <c>submission</c> and <c>verification</c>.</summary>
    public static IReadOnlyList<HtmlColumn> RankingColumns { get; } =
    [
        new("rank", "Rank", Numeric: true), new("rank_ci", "Rank 95%", Numeric: true, "2.5–97.5% percentiles of the rank over the bootstrap replicates"),
        new("method", "Method"), new("calibrator", "Calibrator"), new("failure_predictor", "Failure predictor"), new("exit_policy", "Exit policy"),
        new("efficiency", "Efficiency", Numeric: true, "Mean over seeds of the efficiency score"), new("efficiency_ci", "Efficiency 95%", Numeric: true),
        new("gap_to_leader_ci", "Gap to leader 95%", Numeric: true, "Paired interval of the leader's score minus this one"),
        new("tied", "Tied with leader"), new("seeds", "Seeds", Numeric: true),
        new("submission", "Submission"), new("verification", "Verification", Title: "Each cell behind the row: verified, not sampled, mismatch, failed or not verified"),
    ];

    private static IReadOnlyList<HtmlColumn> ProxyColumns { get; } =
    [
        new("proxy", "Proxy"), new("better", "Better"), new("spearman", "Spearman ρ", Numeric: true), new("spearman_ci", "ρ 95%", Numeric: true),
        new("kendall", "Kendall τ", Numeric: true), new("kendall_ci", "τ 95%", Numeric: true), new("count", "Methods", Numeric: true),
    ];

    private static IReadOnlyList<HtmlCell> RankingRow(SiteRow row, SiteLinks links)
    {
        var e = row.Entry;
        var f = e.Efficiency;
        return
        [
            HtmlCell.Integer(e.Rank),
            e.RankCi is { Length: 2 } r ? new HtmlCell($"{r[0].ToString(CultureInfo.InvariantCulture)}–{r[1].ToString(CultureInfo.InvariantCulture)}", r[0]) : HtmlCell.Of("–"),
            HtmlCell.Link(row.Method, links.Method("../", row.Method)), HtmlCell.Of(e.Calibrator), HtmlCell.Of(e.FailurePredictor), HtmlCell.Of(e.ExitPolicy),
            HtmlCell.Number(f.Score), HtmlCell.Interval(f.ScoreCi), HtmlCell.Interval(f.GapToLeaderCi),
            HtmlCell.Of(f.TiedWithLeader switch { true => "yes", false => "no", null => "–" }), HtmlCell.Integer(e.PerSeed.Count),
            row.Submissions.Count == 1 ? HtmlCell.Link(row.Submissions[0], links.Submission("../", row.Submissions[0])) : HtmlCell.Of(string.Join(' ', row.Submissions)),
            HtmlCell.Of(row.Verification),
        ];
    }

    /// <summary>" [low, high]", or nothing without an interval.</summary>
    public static string Ci(IReadOnlyList<double>? ci, string format = "F4") =>
        ci is { Count: 2 } ? $" [{SiteHtml.N(ci[0], format)}, {SiteHtml.N(ci[1], format)}]" : "";
}
