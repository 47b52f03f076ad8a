using System.Globalization;
using System.Text;
using EarlyExitBench.Harness.Reporting.Web;

namespace EarlyExitBench.Harness.Site;

/// <summary>The HTML pages and shared assets of a site (relative path → text).</summary>
public static class SitePages
{
    /// <summary>Every page of <paramref name="model"/> and the assets they link, each once.</summary>
    public static IEnumerable<(string Path, string Text)> Render(SiteModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var links = new SiteLinks(model);
        yield return (WebAssets.CssPath, WebAssets.Css);
        yield return (WebAssets.ScriptPath, WebAssets.Script);
        yield return ("index.html", Index(model, links));
        foreach (var setting in model.Settings)
        {
            yield return ($"settings/{setting.Slug}.html", SettingView.Render(setting, links));
        }

        foreach (var (method, _) in model.Methods)
        {
            yield return (links.MethodFile(method), MethodView.Render(model, method, links));
        }

        yield return ("proxies.html", ProxiesView.Render(model));
        yield return ("submissions.html", SubmissionsView.Render(model, links));
    }

    private static string Index(SiteModel model, SiteLinks links)
    {
        const string root = "";
        var html = new StringBuilder();
        SiteHtml.Paragraph(html, string.Create(CultureInfo.InvariantCulture,
            $"{model.Settings.Count} setting(s) (dataset × architecture × training recipe), {model.Methods.Count} method(s), {model.Submissions.Count} submission(s). ")
            + "Each row is a setting's ranking and its leader: the entry with the highest mean efficiency score over seeds, with its 95% interval; "
            + "tied: how many entries the data do not show behind it.");
        SiteHtml.Table(html, "settings-table", Columns, model.Settings.SelectMany(s => s.Tables.Where(t => t.Rows.Count > 0).Select(t =>
        {
            var leader = t.Rows[0];
            var f = leader.Entry.Efficiency;
            return (IReadOnlyList<HtmlCell>)
            [
                HtmlCell.Link(s.Title, SiteLinks.Setting(root, s)), HtmlCell.Of(s.Benchmark),
                HtmlCell.Of(t.Label), HtmlCell.Of(string.Join(' ', t.Rows.SelectMany(r => r.Submissions).Distinct())), HtmlCell.Integer(t.Rows.SelectMany(r => r.Entry.PerSeed.Select(p => p.Seed)).Distinct().Count()), HtmlCell.Integer(t.Rows.Count),
                HtmlCell.Link(leader.Method, links.Method(root, leader.Method)), HtmlCell.Number(f.Score), HtmlCell.Interval(f.ScoreCi),
                HtmlCell.Integer(t.Rows.Count(r => r != leader && r.Entry.Efficiency.TiedWithLeader == true)),
            ];
        })), filter: true);

        SiteHtml.Heading(html, 2, "Methods", "methods");
        html.Append("<p class=\"eeb-methods\">").AppendJoin(" · ", model.Methods.Select(m => $"<a href=\"{SiteHtml.E(links.Method(root, m.Method))}\">{SiteHtml.E(m.Method)}</a>")).Append("</p>\n");
        SiteHtml.Heading(html, 2, "Downloads", "downloads");
        html.Append("<ul>\n<li><a href=\"").Append(SiteBuilder.DataPath).Append("\">leaderboard.json</a>: every setting's rankings in the published group format, ")
            .Append("with the submissions of each entry, and every submission with its pin, machine, plugins and verification (<code>eebench-site/1</code>)</li>\n")
            .Append("<li><a href=\"").Append(SiteBuilder.CsvPath).Append("\">entries.csv</a>: one row per ranked entry</li>\n</ul>\n");
        return SiteHtml.Page(SiteHtml.SiteTitle, "every accepted submission, by setting", root, html.ToString());
    }

    private static IReadOnlyList<HtmlColumn> Columns { get; } =
    [
        new("setting", "Setting", Title: "dataset / architecture / training recipe"), new("benchmark", "Benchmark"),
        new("table", "Ranking"), new("submissions", "Submissions"), new("seeds", "Seeds", Numeric: true), new("entries", "Entries", Numeric: true),
        new("leader", "Leader"), new("efficiency", "Efficiency", Numeric: true), new("efficiency_ci", "Efficiency 95%", Numeric: true),
        new("tied", "Tied with leader", Numeric: true),
    ];
}
