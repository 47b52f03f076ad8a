using System.Globalization;
using System.Text;

namespace EarlyExitBench.Harness.Site;

/// <summary>
/// The page of one method across every setting (<c>methods/SLUG.html</c>): how often it placed at each rank, its score
/// with its interval in each ranking, and where it wins (rank 1, or tied with the leader) and where it loses (last, not tied).
/// </summary>
internal static class MethodView
{
    /// <summary>The page.</summary>
    public static string Render(SiteModel model, string method, SiteLinks links)
    {
        const string root = "../";
        var placings = MethodPlacing.Of(model.Settings, method);
        var html = new StringBuilder();
        var outcomes = placings.GroupBy(p => p.Outcome).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ranks = placings.Select(p => p.Row.Entry.Rank).Order().ToList();
        var settings = placings.Select(p => p.Setting).Distinct().Count();
        SiteHtml.Paragraph(html, string.Create(CultureInfo.InvariantCulture,
            $"Ranked in {placings.Count} ranking(s) of {settings} setting(s): wins in {outcomes.GetValueOrDefault("wins")} (rank 1, or tied with the leader), "
            + $"loses in {outcomes.GetValueOrDefault("loses")} (last, and not tied with the leader), between in {outcomes.GetValueOrDefault("between")}. "
            + $"Median rank {Median(ranks):0.#}, best {ranks[0]}, worst {ranks[^1]}."));

        SiteHtml.Heading(html, 2, "Rank distribution", "ranks");
        SiteHtml.Bars(html, "How often the method placed at each rank", "rank", "rankings", placings.Max(p => p.Entries),
            ranks.GroupBy(r => r).Select(g => (g.Key, g.Count(), string.Create(CultureInfo.InvariantCulture, $"rank {g.Key}: {g.Count()} ranking(s)"))).ToList());

        SiteHtml.Heading(html, 2, "Where it wins and loses", "placings");
        SiteHtml.Intervals(html, "Efficiency score with its 95% interval, per ranking", "efficiency score", placings.Select(p => new IntervalDot(
            Label(p), p.Row.Entry.Efficiency.Score, p.Row.Entry.Efficiency.ScoreCi?[0], p.Row.Entry.Efficiency.ScoreCi?[1],
            string.Create(CultureInfo.InvariantCulture, $"{Label(p)}: efficiency {SiteHtml.N(p.Row.Entry.Efficiency.Score)}{SettingView.Ci(p.Row.Entry.Efficiency.ScoreCi)}, rank {p.Row.Entry.Rank} of {p.Entries} ({p.Outcome})"))).ToList());
        SiteHtml.Table(html, "placings-table", Columns, placings.Select(p =>
        {
            var e = p.Row.Entry;
            return (IReadOnlyList<HtmlCell>)
            [
                HtmlCell.Link(p.Setting.Title, SiteLinks.Setting(root, p.Setting)), HtmlCell.Of(p.Setting.Benchmark), HtmlCell.Of(p.Table.Label),
                HtmlCell.Integer(e.Rank), HtmlCell.Integer(p.Entries),
                e.RankCi is { Length: 2 } r ? new HtmlCell($"{r[0].ToString(CultureInfo.InvariantCulture)}–{r[1].ToString(CultureInfo.InvariantCulture)}", r[0]) : HtmlCell.Of("–"),
                HtmlCell.Number(e.Efficiency.Score), HtmlCell.Interval(e.Efficiency.ScoreCi), HtmlCell.Interval(e.Efficiency.GapToLeaderCi),
                HtmlCell.Of(e.Efficiency.TiedWithLeader switch { true => "yes", false => "no", null => "–" }), HtmlCell.Of(p.Outcome),
                HtmlCell.Of(string.Join(' ', p.Row.Submissions)), HtmlCell.Of(p.Row.Verification),
            ];
        }), filter: true, caption: "wins: rank 1, or tied with the leader (the interval of the leader's score minus this one reaches 0); loses: last and not tied; otherwise between.");
        return SiteHtml.Page(method, "calibrator + failure predictor + exit policy, across every setting it was run in", root, html.ToString());
    }

    private static IReadOnlyList<HtmlColumn> Columns { get; } =
    [
        new("setting", "Setting"), new("benchmark", "Benchmark"), new("table", "Ranking"), new("rank", "Rank", Numeric: true), new("entries", "Entries", Numeric: true),
        new("rank_ci", "Rank 95%", Numeric: true), new("efficiency", "Efficiency", Numeric: true), new("efficiency_ci", "Efficiency 95%", Numeric: true),
        new("gap_to_leader_ci", "Gap to leader 95%", Numeric: true), new("tied", "Tied with leader"), new("outcome", "Outcome"),
        new("submission", "Submission"), new("verification", "Verification"),
    ];

    private static string Label(MethodPlacing p) => p.Setting.Tables.Count > 1 ? $"{p.Setting.Title} ({p.Table.Label})" : p.Setting.Title;

    private static double Median(IReadOnlyList<int> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
}
