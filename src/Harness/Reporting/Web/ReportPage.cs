using System.Text;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>
/// A run's <c>report.html</c>: one self-contained file (stylesheet and script inline, charts as SVG) made of the same
/// parts as the site: a <see cref="SettingPage"/> per group, then the claims, metrics, failures, conventions and provenance.
/// </summary>
public static class ReportPage
{
    /// <summary>The whole document.</summary>
    public static string Render(LeaderboardDocument document) => Render(document, ReportContent.Tail(document));

    /// <summary>The whole document, with the blocks after the groups already built (the claims are evaluated once for both reports).</summary>
    internal static string Render(LeaderboardDocument document, IReadOnlyList<ReportBlock> tail)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(tail);
        var intro = ReportContent.Intro(document).Where(b => b is not Heading { Level: 1 }).ToList();
        var body = new StringBuilder();
        BlockHtml.Render(body, intro, "intro");
        foreach (var (group, i) in document.Groups.Select((g, i) => (g, i)))
        {
            body.Append(SettingPage.Render(SettingInput.From(document, group), new SettingPageOptions { IdPrefix = $"group-{i + 1}" }));
        }

        BlockHtml.Render(body, tail, "tail");
        var nav = document.Groups.Select((g, i) => new NavLink(ReportText.GroupTitle(g), $"#group-{i + 1}"))
            .Concat(tail.OfType<Heading>().Where(h => h.Level == 2).Select(h => new NavLink(h.Text, "#" + h.Id)))
            .ToList();
        return PageShell.Render(new WebPage(ReportContent.Title(document), body.ToString()) { Nav = nav });
    }
}
