using System.Text;
using EarlyExitBench.Harness.Reporting.Web;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Site;

/// <summary>
/// The page of one setting (<c>settings/SLUG.html</c>): why its submissions are shown side by side where they are, then per
/// ranking the shared <see cref="SettingPage"/> (the ranking with intervals and ties, Pareto fronts, reliability,
/// risk–coverage, proxy correlations) with the site's columns: the method's page, the submissions reporting each entry and
/// the verification status of every cell behind it.
/// </summary>
internal static class SettingView
{
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
        html.Append(". Seeds: ").AppendJoin(", ", setting.Seeds).Append(". Architecture options: <code>").Append(SiteHtml.E(setting.ArchitectureOptions)).Append("</code>.</p>\n");
        for (var i = 0; i < setting.Tables.Count; i++)
        {
            var table = setting.Tables[i];
            var rows = table.Rows.ToDictionary(r => r.Method, StringComparer.Ordinal);
            SiteRow Row(EntryResult e) => rows[SiteSetting.MethodName(e)];
            var input = table.Label == SettingGrouper.Together
                ? new SettingInput(table.Group, setting.Parts[0].Submission.Leaderboard.Metrics)
                : SettingInput.From(setting.Parts.First(p => p.Submission.Name == table.Label).Submission.Leaderboard, table.Group);
            html.Append(SettingPage.Render(input, new SettingPageOptions
            {
                IdPrefix = $"t{i + 1}",
                HeadingLevel = 2,
                Title = table.Label == SettingGrouper.Together ? "All submissions, ranked together" : "As submitted by " + table.Label,
                ExtraColumns =
                [
                    new EntryColumn(new TableColumn("method", "method"), e => new TableCell(Row(e).Method, null, links.Method(root, Row(e).Method))),
                    new EntryColumn(new TableColumn("submission", "submission"), e => Row(e).Submissions is [var one]
                        ? new TableCell(one, null, links.Submission(root, one))
                        : TableCell.Of(string.Join(' ', Row(e).Submissions))),
                    new EntryColumn(new TableColumn("verification", "verification", false, "Each cell behind the entry: verified, not sampled, mismatch, failed or not verified"),
                        e => TableCell.Of(Row(e).Verification)),
                ],
            }));
        }

        return SiteHtml.Page(setting.Title, setting.Benchmark, root, html.ToString());
    }

    /// <summary>" [low, high]", or nothing without an interval.</summary>
    public static string Ci(IReadOnlyList<double>? ci, string format = "F4") =>
        ci is { Count: 2 } ? $" [{SiteHtml.N(ci[0], format)}, {SiteHtml.N(ci[1], format)}]" : "";
}
