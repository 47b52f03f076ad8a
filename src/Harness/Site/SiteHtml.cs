using System.Globalization;
using System.Net;
using System.Text;
using EarlyExitBench.Harness.Reporting.Web;

namespace EarlyExitBench.Harness.Site;

/// <summary>
/// The components the site's pages are made of: the page shell, sortable and filterable tables, SVG charts whose points show
/// their value on hover. They carry the DOM hooks the browser tests rely on (<c>table.eeb-table[data-sortable]</c>,
/// <c>th[data-key]</c>, <c>td[data-value]</c>, <c>input.eeb-filter[data-table]</c>, <c>svg.eeb-chart</c> with
/// <c>[data-tip]</c> points, one <c>#eeb-tip</c>). They are the report's web components (Reporting/Web: the page shell,
/// <see cref="DataTable"/>, <see cref="SvgChart"/>, <see cref="IntervalChart"/>) behind the site's own small records, so the
/// site and <c>run</c>'s <c>report.html</c> share one renderer and one stylesheet and script.
/// </summary>
internal static class SiteHtml
{
    /// <summary>The site's name: the index's title, and the end of every other page's.</summary>
    public const string SiteTitle = "EarlyExitBench leaderboard";

    /// <summary><paramref name="text"/> encoded for HTML text and attribute values.</summary>
    public static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A number as the pages write it: invariant, <paramref name="format"/>; "–" when not finite.</summary>
    public static string N(double value, string format = "F4") => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "–";

    /// <summary>The whole document (the shared page shell): navigation, the body, the tooltip element, the linked stylesheet and script.</summary>
    /// <param name="title">Its title and heading.</param>
    /// <param name="subtitle">A line under the heading; null for none.</param>
    /// <param name="root">The way from the page to the site's root: "" or "../".</param>
    /// <param name="body">The page's content.</param>
    public static string Page(string title, string? subtitle, string root, string body) =>
        PageShell.Render(new WebPage(title, body)
        {
            AssetRoot = root,
            Subtitle = subtitle,
            Nav =
            [
                new("Settings", root + "index.html"), new("Proxies and claims", root + "proxies.html"), new("Submissions", root + "submissions.html"),
                new("leaderboard.json", root + SiteBuilder.DataPath), new("entries.csv", root + SiteBuilder.CsvPath),
            ],
        });

    /// <summary>A heading with an anchor.</summary>
    public static void Heading(StringBuilder html, int level, string text, string? id = null)
    {
        html.Append("<h").Append(level.ToString(CultureInfo.InvariantCulture));
        if (id is not null)
        {
            html.Append(" id=\"").Append(E(id)).Append('"');
        }

        html.Append('>').Append(E(text)).Append("</h").Append(level.ToString(CultureInfo.InvariantCulture)).Append(">\n");
    }

    /// <summary>A paragraph of plain text.</summary>
    public static void Paragraph(StringBuilder html, string text, string? cssClass = null)
    {
        html.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(E(text)).Append("</p>\n");
    }

    /// <summary>A sortable table (the shared <see cref="DataTable"/>), with a filter box above it where <paramref name="filter"/>.</summary>
    public static void Table(StringBuilder html, string id, IReadOnlyList<HtmlColumn> columns, IEnumerable<IReadOnlyList<HtmlCell>> rows, bool filter = false, string? caption = null)
    {
        var shown = rows.Select(r => r.Count == columns.Count
            ? new TableRow(r.Select(c => new TableCell(c.Text, c.Value is { } v && double.IsFinite(v) ? v : null, c.Href)).ToList())
            : throw new InvalidOperationException($"table {id}: a row has {r.Count} cells for {columns.Count} columns")).ToList();
        new DataTable(id, columns.Select(c => new TableColumn(c.Key, c.Header, c.Numeric, c.Title)).ToList(), shown, filter, caption) { NoWrap = true }.Render(html);
    }

    /// <summary>A chart of values with their intervals (the shared <see cref="IntervalChart"/>), one row each, top to bottom in the order given.</summary>
    public static void Intervals(StringBuilder html, string title, string xLabel, IReadOnlyList<IntervalDot> rows, double? reference = null)
    {
        var finite = rows.Where(r => double.IsFinite(r.Value)).ToList();
        if (finite.Count == 0)
        {
            return;
        }

        var values = finite.SelectMany(r => new[] { r.Value, r.Low ?? r.Value, r.High ?? r.Value }).Where(double.IsFinite).Concat(reference is { } z ? [z] : []);
        html.Append(new IntervalChart(title, title, ChartAxis.Fit(xLabel, values),
            finite.Select(r => new IntervalRow(r.Label, r.Value, r.Low is { } lo && double.IsFinite(lo) ? lo : null, r.High is { } hi && double.IsFinite(hi) ? hi : null, r.Tip)).ToList())
        {
            Reference = reference,
        }.Render());
    }

    /// <summary>A bar chart of counts over the integer positions 1 to <paramref name="last"/> (a rank distribution): each bar shows its tip on hover.</summary>
    public static void Bars(StringBuilder html, string title, string xLabel, string yLabel, int last, IReadOnlyList<(int X, int Count, string Tip)> bars)
    {
        if (bars.Count == 0)
        {
            return;
        }

        var most = Math.Max(1, bars.Max(b => b.Count));
        html.Append(SvgChart.Render(new Reporting.Web.Chart(title, title, new ChartAxis(xLabel, 0.5, Math.Max(last, bars.Max(b => b.X)) + 0.5) { Whole = true }, new ChartAxis(yLabel, 0, most) { Whole = true }, [])
        {
            Bars = bars.Select(b => new ChartBar(b.X - 0.4, b.X + 0.4, b.Count, b.Tip, 0)).ToList(),
            BarScale = most,
        }));
    }
}
