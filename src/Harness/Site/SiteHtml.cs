using System.Globalization;
using System.Net;
using System.Text;

namespace EarlyExitBench.Harness.Site;

/// <summary>
/// The components the site's pages are made of: the page shell, sortable and filterable tables, SVG charts whose points show
/// their value on hover. They carry the DOM hooks the browser tests rely on (<c>table.eeb-table[data-sortable]</c>,
/// <c>th[data-key]</c>, <c>td[data-value]</c>, <c>input.eeb-filter[data-table]</c>, <c>svg.eeb-chart</c> with
/// <c>[data-tip]</c> points, one <c>#eeb-tip</c>). This is the one seam between the site and the report's web components
/// (Reporting/Web): the pages call only these, so moving to the shared components changes this file, not the pages.
/// </summary>
internal static class SiteHtml
{
    private const double Width = 640;
    private const double Height = 340;
    private const double Left = 58;
    private const double Right = 16;
    private const double Top = 28;
    private const double Bottom = 44;

    /// <summary>The site's name: the index's title, and the end of every other page's.</summary>
    public const string SiteTitle = "EarlyExitBench leaderboard";

    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"];

    /// <summary><paramref name="text"/> encoded for HTML text and attribute values.</summary>
    public static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A number as the pages write it: invariant, <paramref name="format"/>; "–" when not finite.</summary>
    public static string N(double value, string format = "F4") => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "–";

    /// <summary>The whole document: head, navigation, the body, the tooltip element, the shared stylesheet and script.</summary>
    /// <param name="title">Its title and heading.</param>
    /// <param name="subtitle">A line under the heading; null for none.</param>
    /// <param name="root">The way from the page to the site's root: "" or "../".</param>
    /// <param name="body">The page's content.</param>
    public static string Page(string title, string? subtitle, string root, string body)
    {
        var html = new StringBuilder(body.Length + 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title == SiteTitle ? title : title + " · " + SiteTitle)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(root).Append(SiteAssets.CssPath).Append("\">\n</head>\n<body>\n")
            .Append("<nav class=\"eeb-nav\" aria-label=\"site\"><ul>");
        foreach (var (text, href) in new[]
        {
            ("Settings", "index.html"), ("Proxies and claims", "proxies.html"), ("Submissions", "submissions.html"),
            ("leaderboard.json", SiteBuilder.DataPath), ("entries.csv", SiteBuilder.CsvPath),
        })
        {
            html.Append("<li><a href=\"").Append(root).Append(href).Append("\">").Append(E(text)).Append("</a></li>");
        }

        html.Append("</ul></nav>\n<header><h1>").Append(E(title)).Append("</h1>");
        if (subtitle is not null)
        {
            html.Append("<p class=\"caption\">").Append(E(subtitle)).Append("</p>");
        }

        html.Append("</header>\n<main>\n").Append(body).Append("</main>\n<div id=\"eeb-tip\" role=\"tooltip\" hidden></div>\n")
            .Append("<script src=\"").Append(root).Append(SiteAssets.ScriptPath).Append("\"></script>\n</body>\n</html>\n");
        return html.ToString();
    }

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

    /// <summary>
    /// A sortable table (<c>data-sortable</c>; a click on a header sorts by it, numbers by their <c>data-value</c>), with a
    /// filter box above it where <paramref name="filter"/>.
    /// </summary>
    public static void Table(StringBuilder html, string id, IReadOnlyList<HtmlColumn> columns, IEnumerable<IReadOnlyList<HtmlCell>> rows, bool filter = false, string? caption = null)
    {
        if (filter)
        {
            html.Append("<p class=\"eeb-filter-box\"><input class=\"eeb-filter\" type=\"search\" data-table=\"").Append(E(id))
                .Append("\" placeholder=\"filter rows\" aria-label=\"filter the rows of this table\"></p>\n");
        }

        html.Append("<div class=\"eeb-scroll\"><table class=\"eeb-table\" data-sortable id=\"").Append(E(id)).Append("\">\n");
        if (caption is not null)
        {
            html.Append("<caption>").Append(E(caption)).Append("</caption>\n");
        }

        html.Append("<thead><tr>");
        foreach (var c in columns)
        {
            html.Append("<th data-key=\"").Append(E(c.Key)).Append('"');
            if (c.Numeric)
            {
                html.Append(" data-numeric");
            }

            if (c.Title is not null)
            {
                html.Append(" title=\"").Append(E(c.Title)).Append('"');
            }

            html.Append(" tabindex=\"0\">").Append(E(c.Header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            if (row.Count != columns.Count)
            {
                throw new InvalidOperationException($"table {id}: a row has {row.Count} cells for {columns.Count} columns");
            }

            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var cell = row[i];
                html.Append(columns[i].Numeric ? "<td class=\"num\"" : "<td");
                if (cell.Value is { } v && double.IsFinite(v))
                {
                    html.Append(" data-value=\"").Append(v.ToString("R", CultureInfo.InvariantCulture)).Append('"');
                }

                html.Append('>');
                if (cell.Href is not null)
                {
                    html.Append("<a href=\"").Append(E(cell.Href)).Append("\">").Append(E(cell.Text)).Append("</a>");
                }
                else
                {
                    html.Append(E(cell.Text));
                }

                html.Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    /// <summary>An x–y chart: each series' points (joined where it says so), a legend, axes with ticks; each point shows its tip on hover.</summary>
    public static void Chart(StringBuilder html, string title, string xLabel, string yLabel, IReadOnlyList<ChartLine> series, bool diagonal = false)
    {
        var dots = series.SelectMany(s => s.Dots).Where(d => double.IsFinite(d.X) && double.IsFinite(d.Y)).ToList();
        if (dots.Count == 0)
        {
            return;
        }

        var (x0, x1) = Range(dots.Select(d => d.X).Concat(diagonal ? [0.0, 1.0] : []));
        var (y0, y1) = Range(dots.Select(d => d.Y).Concat(diagonal ? [0.0, 1.0] : []));
        double Px(double x) => Left + ((x - x0) / (x1 - x0) * (Width - Left - Right));
        double Py(double y) => Height - Bottom - ((y - y0) / (y1 - y0) * (Height - Top - Bottom));
        Open(html, title);
        Axes(html, x0, x1, y0, y1, Px, Py, xLabel, yLabel);
        if (diagonal)
        {
            html.Append("<line class=\"ref\" x1=\"").Append(C(Px(Math.Max(x0, y0)))).Append("\" y1=\"").Append(C(Py(Math.Max(x0, y0))))
                .Append("\" x2=\"").Append(C(Px(Math.Min(x1, y1)))).Append("\" y2=\"").Append(C(Py(Math.Min(x1, y1)))).Append("\"/>\n");
        }

        for (var s = 0; s < series.Count; s++)
        {
            var colour = Palette[s % Palette.Length];
            var points = series[s].Dots.Where(d => double.IsFinite(d.X) && double.IsFinite(d.Y)).ToList();
            if (series[s].Joined && points.Count > 1)
            {
                html.Append("<polyline fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"1.5\" points=\"")
                    .AppendJoin(' ', points.Select(d => C(Px(d.X)) + "," + C(Py(d.Y)))).Append("\"/>\n");
            }

            foreach (var d in points)
            {
                html.Append("<circle class=\"pt\" cx=\"").Append(C(Px(d.X))).Append("\" cy=\"").Append(C(Py(d.Y))).Append("\" r=\"3.5\" fill=\"")
                    .Append(colour).Append("\" tabindex=\"0\" data-tip=\"").Append(E(d.Tip)).Append("\"/>\n");
            }

            html.Append("<g class=\"legend\"><rect x=\"").Append(C(Left + 8)).Append("\" y=\"").Append(C(Top + 4 + (14 * s))).Append("\" width=\"10\" height=\"10\" fill=\"")
                .Append(colour).Append("\"/><text x=\"").Append(C(Left + 22)).Append("\" y=\"").Append(C(Top + 13 + (14 * s))).Append("\">")
                .Append(E(series[s].Name)).Append("</text></g>\n");
        }

        html.Append("</svg></figure>\n");
    }

    /// <summary>A chart of values with their intervals, one row each, top to bottom in the order given.</summary>
    public static void Intervals(StringBuilder html, string title, string xLabel, IReadOnlyList<IntervalDot> rows, double? reference = null)
    {
        var finite = rows.Where(r => double.IsFinite(r.Value)).ToList();
        if (finite.Count == 0)
        {
            return;
        }

        var (x0, x1) = Range(finite.SelectMany(r => new[] { r.Value, r.Low ?? r.Value, r.High ?? r.Value }).Where(double.IsFinite).Concat(reference is { } z ? [z] : []));
        const double row = 16;
        const double labels = 230;
        var height = Top + Bottom + (row * finite.Count);
        double Px(double x) => labels + ((x - x0) / (x1 - x0) * (Width - labels - Right));
        html.Append("<figure class=\"eeb-figure\"><svg class=\"eeb-chart\" role=\"img\" viewBox=\"0 0 ").Append(C(Width)).Append(' ').Append(C(height))
            .Append("\" aria-label=\"").Append(E(title)).Append("\">\n<text class=\"title\" x=\"").Append(C(Width / 2)).Append("\" y=\"16\">").Append(E(title)).Append("</text>\n");
        foreach (var t in Ticks(x0, x1))
        {
            html.Append("<line class=\"grid\" x1=\"").Append(C(Px(t))).Append("\" y1=\"").Append(C(Top)).Append("\" x2=\"").Append(C(Px(t))).Append("\" y2=\"").Append(C(height - Bottom))
                .Append("\"/><text class=\"tick\" x=\"").Append(C(Px(t))).Append("\" y=\"").Append(C(height - Bottom + 14)).Append("\">").Append(Tick(t)).Append("</text>\n");
        }

        if (reference is { } r0 && r0 >= x0 && r0 <= x1)
        {
            html.Append("<line class=\"ref\" x1=\"").Append(C(Px(r0))).Append("\" y1=\"").Append(C(Top)).Append("\" x2=\"").Append(C(Px(r0))).Append("\" y2=\"").Append(C(height - Bottom)).Append("\"/>\n");
        }

        html.Append("<text class=\"label\" x=\"").Append(C((labels + Width - Right) / 2)).Append("\" y=\"").Append(C(height - 8)).Append("\">").Append(E(xLabel)).Append("</text>\n");
        for (var i = 0; i < finite.Count; i++)
        {
            var d = finite[i];
            var y = Top + (row * i) + (row / 2);
            html.Append("<text class=\"row\" x=\"").Append(C(labels - 6)).Append("\" y=\"").Append(C(y + 4)).Append("\">").Append(E(Shorten(d.Label, 38))).Append("</text>");
            if (d.Low is { } lo && d.High is { } hi && double.IsFinite(lo) && double.IsFinite(hi))
            {
                html.Append("<line class=\"ci\" x1=\"").Append(C(Px(lo))).Append("\" y1=\"").Append(C(y)).Append("\" x2=\"").Append(C(Px(hi))).Append("\" y2=\"").Append(C(y)).Append("\"/>");
            }

            html.Append("<circle class=\"pt\" cx=\"").Append(C(Px(d.Value))).Append("\" cy=\"").Append(C(y)).Append("\" r=\"4\" fill=\"").Append(Palette[0])
                .Append("\" tabindex=\"0\" data-tip=\"").Append(E(d.Tip)).Append("\"/>\n");
        }

        html.Append("</svg></figure>\n");
    }

    /// <summary>A bar chart of counts over integer positions (a rank distribution): each bar shows its tip on hover.</summary>
    public static void Bars(StringBuilder html, string title, string xLabel, string yLabel, IReadOnlyList<(int X, int Count, string Tip)> bars)
    {
        if (bars.Count == 0)
        {
            return;
        }

        var (x0, x1) = (bars.Min(b => b.X) - 0.5, bars.Max(b => b.X) + 0.5);
        var (y0, y1) = (0.0, Math.Max(1, bars.Max(b => b.Count)));
        double Px(double x) => Left + ((x - x0) / (x1 - x0) * (Width - Left - Right));
        double Py(double y) => Height - Bottom - ((y - y0) / (y1 - y0) * (Height - Top - Bottom));
        Open(html, title);
        Axes(html, x0, x1, y0, y1, Px, Py, xLabel, yLabel, integerX: true);
        var width = Math.Max(2, (Px(1) - Px(0)) * 0.8);
        foreach (var (x, count, tip) in bars)
        {
            html.Append("<rect class=\"pt\" x=\"").Append(C(Px(x) - (width / 2))).Append("\" y=\"").Append(C(Py(count))).Append("\" width=\"").Append(C(width))
                .Append("\" height=\"").Append(C(Py(0) - Py(count))).Append("\" fill=\"").Append(Palette[0]).Append("\" tabindex=\"0\" data-tip=\"").Append(E(tip)).Append("\"/>\n");
        }

        html.Append("</svg></figure>\n");
    }

    private static void Open(StringBuilder html, string title)
    {
        html.Append("<figure class=\"eeb-figure\"><svg class=\"eeb-chart\" role=\"img\" viewBox=\"0 0 ").Append(C(Width)).Append(' ').Append(C(Height))
            .Append("\" aria-label=\"").Append(E(title)).Append("\">\n<text class=\"title\" x=\"").Append(C(Width / 2)).Append("\" y=\"16\">").Append(E(title)).Append("</text>\n");
    }

    private static void Axes(StringBuilder html, double x0, double x1, double y0, double y1, Func<double, double> px, Func<double, double> py, string xLabel, string yLabel, bool integerX = false)
    {
        var xs = integerX ? Enumerable.Range((int)Math.Ceiling(x0), (int)Math.Floor(x1) - (int)Math.Ceiling(x0) + 1).Select(i => (double)i).Where((_, i) => i % Math.Max(1, (int)((x1 - x0) / 12)) == 0) : Ticks(x0, x1);
        foreach (var t in xs)
        {
            html.Append("<text class=\"tick\" x=\"").Append(C(px(t))).Append("\" y=\"").Append(C(Height - Bottom + 14)).Append("\">").Append(Tick(t)).Append("</text>");
        }

        foreach (var t in Ticks(y0, y1))
        {
            html.Append("<line class=\"grid\" x1=\"").Append(C(Left)).Append("\" y1=\"").Append(C(py(t))).Append("\" x2=\"").Append(C(Width - Right)).Append("\" y2=\"").Append(C(py(t)))
                .Append("\"/><text class=\"tick y\" x=\"").Append(C(Left - 4)).Append("\" y=\"").Append(C(py(t) + 4)).Append("\">").Append(Tick(t)).Append("</text>");
        }

        html.Append("\n<line class=\"axis\" x1=\"").Append(C(Left)).Append("\" y1=\"").Append(C(Height - Bottom)).Append("\" x2=\"").Append(C(Width - Right)).Append("\" y2=\"").Append(C(Height - Bottom)).Append("\"/>")
            .Append("<line class=\"axis\" x1=\"").Append(C(Left)).Append("\" y1=\"").Append(C(Top)).Append("\" x2=\"").Append(C(Left)).Append("\" y2=\"").Append(C(Height - Bottom)).Append("\"/>\n")
            .Append("<text class=\"label\" x=\"").Append(C((Left + Width - Right) / 2)).Append("\" y=\"").Append(C(Height - 8)).Append("\">").Append(E(xLabel)).Append("</text>")
            .Append("<text class=\"label\" transform=\"rotate(-90)\" x=\"").Append(C(-(Top + Height - Bottom) / 2)).Append("\" y=\"14\">").Append(E(yLabel)).Append("</text>\n");
    }

    /// <summary>
    /// At most <paramref name="most"/> of <paramref name="items"/>, evenly spaced, the first and the last always kept: a curve
    /// of hundreds of points draws the same with fewer, and each point costs page weight.
    /// </summary>
    public static IReadOnlyList<T> Thin<T>(IReadOnlyList<T> items, int most)
    {
        if (items.Count <= most)
        {
            return items;
        }

        return Enumerable.Range(0, most).Select(i => (int)Math.Round(i * (items.Count - 1) / (double)(most - 1))).Distinct().Select(i => items[i]).ToList();
    }

    /// <summary>The axis range of <paramref name="values"/>, widened a little; one unit wide around a single value.</summary>
    private static (double Low, double High) Range(IEnumerable<double> values)
    {
        var list = values.Where(double.IsFinite).ToList();
        var (lo, hi) = (list.Min(), list.Max());
        if (hi - lo < 1e-12)
        {
            return (lo - 0.5, hi + 0.5);
        }

        var pad = (hi - lo) * 0.05;
        return (lo - pad, hi + pad);
    }

    private static IEnumerable<double> Ticks(double lo, double hi)
    {
        var step = Math.Pow(10, Math.Floor(Math.Log10((hi - lo) / 5)));
        var span = (hi - lo) / step;
        step *= span > 25 ? 5 : span > 10 ? 2 : 1;
        for (var t = Math.Ceiling(lo / step) * step; t <= hi + (step * 1e-9); t += step)
        {
            yield return Math.Abs(t) < step * 1e-9 ? 0 : t;
        }
    }

    private static string Tick(double value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);

    private static string C(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
