using System.Globalization;
using System.Text;
using EarlyExitBench.Harness.Claims;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Site;

/// <summary>
/// <c>proxies.html</c>: each proxy's correlation with the efficiency score in every ranking (mean over exits), summarised
/// per proxy across settings, and the paper's claims on the settings of each benchmark version.
/// </summary>
internal static class ProxiesView
{
    /// <summary>The page.</summary>
    public static string Render(SiteModel model)
    {
        const string root = "";
        var html = new StringBuilder();
        var better = model.Submissions.SelectMany(s => s.Leaderboard.Metrics).GroupBy(m => m.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Better, StringComparer.Ordinal);
        var rows = model.Settings
            .SelectMany(s => s.Tables.SelectMany(t => t.Group.ProxyCorrelation
                .Where(p => !p.Key.Contains('@', StringComparison.Ordinal) && p.Value.Spearman is not null)
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => (Setting: s, Table: t, Proxy: p.Key, Correlation: p.Value))))
            .ToList();

        SiteHtml.Heading(html, 2, "Proxy correlation across settings", "summary");
        SiteHtml.Paragraph(html, "Spearman ρ of each proxy (its mean over exits) with the efficiency score across the global-threshold methods of each ranking, "
            + "one point per method averaged over seeds. Agrees: the 95% interval excludes 0 on the side where the proxy predicts efficiency "
            + "(ρ > 0 for a higher-is-better proxy, ρ < 0 for a lower-is-better one); contradicts: it excludes 0 on the other side.");
        var summary = rows.GroupBy(r => r.Proxy, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var values = g.Select(r => r.Correlation.Spearman!.Value).Order().ToList();
            var sign = better.GetValueOrDefault(g.Key) == "lower" ? -1 : 1;
            int Side(CorrelationResult c) => c.SpearmanCi is { Length: 2 } ci ? (ci[0] > 0 ? 1 : ci[1] < 0 ? -1 : 0) * sign : 0;
            return (Proxy: g.Key, Better: better.GetValueOrDefault(g.Key, ""), Values: values,
                Agrees: g.Count(r => Side(r.Correlation) > 0), Contradicts: g.Count(r => Side(r.Correlation) < 0));
        }).ToList();
        SiteHtml.Intervals(html, "Median Spearman ρ per proxy, with its range over rankings", "Spearman ρ", summary.Select(s => new IntervalDot(
            s.Proxy, Median(s.Values), s.Values[0], s.Values[^1],
            string.Create(CultureInfo.InvariantCulture, $"{s.Proxy}: median ρ {Median(s.Values):F3} over {s.Values.Count} ranking(s), from {s.Values[0]:F3} to {s.Values[^1]:F3}"))).ToList(),
            reference: 0);
        SiteHtml.Table(html, "proxy-summary", SummaryColumns, summary.Select(s => (IReadOnlyList<HtmlCell>)
        [
            HtmlCell.Of(s.Proxy), HtmlCell.Of(s.Better), HtmlCell.Integer(s.Values.Count), HtmlCell.Number(Median(s.Values), "F3"),
            HtmlCell.Number(s.Values[0], "F3"), HtmlCell.Number(s.Values[^1], "F3"), HtmlCell.Integer(s.Agrees), HtmlCell.Integer(s.Contradicts),
        ]), filter: true);

        SiteHtml.Heading(html, 2, "Per setting", "per-setting");
        SiteHtml.Table(html, "proxy-correlations", DetailColumns, rows.Select(r => (IReadOnlyList<HtmlCell>)
        [
            HtmlCell.Link(r.Setting.Title, SiteLinks.Setting(root, r.Setting)), HtmlCell.Of(r.Table.Label), HtmlCell.Of(r.Proxy),
            HtmlCell.Number(r.Correlation.Spearman, "F3"), HtmlCell.Interval(r.Correlation.SpearmanCi, "F3"),
            HtmlCell.Number(r.Correlation.Kendall, "F3"), HtmlCell.Interval(r.Correlation.KendallCi, "F3"), HtmlCell.Integer(r.Correlation.Count),
        ]), filter: true);

        SiteHtml.Heading(html, 2, "Claims", "claims");
        for (var i = 0; i < model.Claims.Count; i++)
        {
            Claims(html, model.Claims[i], $"claims-{i + 1}");
        }

        return SiteHtml.Page("Proxies and claims", "how well each proxy predicts the efficiency ranking, and what the results say about the paper's claims", root, html.ToString());
    }

    private static void Claims(StringBuilder html, SiteClaims claims, string id)
    {
        SiteHtml.Heading(html, 3, claims.Benchmark, id);
        if (claims.Report is { } report)
        {
            SiteHtml.Paragraph(html, string.Create(CultureInfo.InvariantCulture,
                $"Rules {report.RulesVersion} ({report.Rules}) on {report.Groups.Count} setting(s): {string.Join(", ", report.Groups)}; {report.Resamples} bootstrap resamples, seed {report.BootstrapSeed}."));
            SiteHtml.Table(html, id + "-table", ClaimColumns, report.Claims.Select(c => (IReadOnlyList<HtmlCell>)
            [
                HtmlCell.Integer(c.Number), HtmlCell.Of(c.Claim), HtmlCell.Of(Verdict(c.Verdict)), HtmlCell.Of(c.Rule),
                HtmlCell.Of(string.Join("; ", c.Statistics.Select(s => s.Low is { } lo && s.High is { } hi
                    ? $"{s.Name}: {SiteHtml.N(s.Value)} [{SiteHtml.N(lo)}, {SiteHtml.N(hi)}]" : $"{s.Name}: {SiteHtml.N(s.Value)}"))),
                HtmlCell.Of(string.Join(" ", c.Notes)),
            ]));
        }
        else
        {
            SiteHtml.Paragraph(html, "No claims: no setting of this version could enter.");
        }

        foreach (var line in claims.LeftOut.Select(l => "Left out: " + l).Concat(claims.FewSeeds.Select(l => "Too few seeds: " + l)))
        {
            SiteHtml.Paragraph(html, line, "caption");
        }
    }

    private static string Verdict(ClaimVerdict verdict) => verdict switch
    {
        ClaimVerdict.Supported => "supported",
        ClaimVerdict.NotSupported => "not supported",
        _ => "inconclusive",
    };

    private static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private static IReadOnlyList<HtmlColumn> SummaryColumns { get; } =
    [
        new("proxy", "Proxy"), new("better", "Better"), new("rankings", "Rankings", Numeric: true), new("median", "Median ρ", Numeric: true),
        new("min", "Lowest ρ", Numeric: true), new("max", "Highest ρ", Numeric: true), new("agrees", "Agrees", Numeric: true), new("contradicts", "Contradicts", Numeric: true),
    ];

    private static IReadOnlyList<HtmlColumn> DetailColumns { get; } =
    [
        new("setting", "Setting"), new("table", "Ranking"), new("proxy", "Proxy"), new("spearman", "Spearman ρ", Numeric: true), new("spearman_ci", "ρ 95%", Numeric: true),
        new("kendall", "Kendall τ", Numeric: true), new("kendall_ci", "τ 95%", Numeric: true), new("count", "Methods", Numeric: true),
    ];

    private static IReadOnlyList<HtmlColumn> ClaimColumns { get; } =
    [
        new("number", "Claim", Numeric: true), new("claim", "Statement"), new("verdict", "Verdict"), new("rule", "Rule"), new("statistics", "Statistics"), new("notes", "Notes"),
    ];
}
