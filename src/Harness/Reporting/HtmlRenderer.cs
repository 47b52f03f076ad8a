using System.Net;
using Markdig;
using System.Text;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>
/// Renders report blocks as one self-contained HTML page: PNGs embedded as base64, styles inline, no network. It reads
/// on a phone (one column, tables scroll sideways) and prints (no navigation, figures kept whole). A few lines of
/// script check on load that every plot decoded, and say so on the console and on the body element.
/// </summary>
internal static class HtmlRenderer
{
    public static string Render(IReadOnlyList<ReportBlock> blocks, string title)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.AppendLine($"<title>{E(title)}</title>");
        html.AppendLine("<style>").Append(Style).AppendLine("</style>\n</head>\n<body>");
        var headings = blocks.OfType<Heading>().Where(h => h.Level == 2).ToList();
        var open = false;
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading { Level: 1 } h:
                    html.AppendLine($"<header><h1 id=\"{h.Id}\">{E(h.Text)}</h1></header>");
                    html.AppendLine("<nav aria-label=\"contents\"><ul>" + string.Concat(headings.Select(x => $"<li><a href=\"#{x.Id}\">{E(x.Text)}</a></li>")) + "</ul></nav>");
                    html.AppendLine("<main>");
                    break;
                case Heading { Level: 2 } h:
                    html.AppendLine(open ? "</section>" : string.Empty);
                    html.AppendLine($"<section id=\"{h.Id}\">\n<h2>{E(h.Text)}</h2>");
                    open = true;
                    break;
                case Heading h:
                    html.AppendLine($"<h{h.Level} id=\"{h.Id}\">{E(h.Text)}</h{h.Level}>");
                    break;
                case Paragraph p:
                    html.AppendLine(p.Lead ? $"<p class=\"lead\">{E(p.Text)}</p>" : $"<p>{E(p.Text)}</p>");
                    break;
                case ReportTable t:
                    AppendTable(html, t);
                    break;
                case FigureGrid g:
                    AppendFigures(html, g);
                    break;
                case MarkdownBlock m:
                    html.AppendLine("<div class=\"markdown\">").Append(Markdown.ToHtml(m.Markdown, MarkdownPipeline)).AppendLine("</div>");
                    break;
                default:
                    throw new ArgumentException($"unknown report block {block.GetType().Name}", nameof(blocks));
            }
        }

        html.AppendLine(open ? "</section>" : string.Empty);
        html.AppendLine("</main>");
        html.AppendLine("<script>").Append(SelfCheck).AppendLine("</script>");
        html.AppendLine("</body>\n</html>");
        return html.ToString();
    }

    private static void AppendTable(StringBuilder html, ReportTable table)
    {
        html.AppendLine("<div class=\"table-wrap\"><table>");
        html.Append("<thead><tr>");
        foreach (var (header, i) in table.Headers.Select((h, i) => (h, i)))
        {
            html.Append(table.RightAligned[i] ? $"<th class=\"num\">{E(header)}</th>" : $"<th>{E(header)}</th>");
        }

        html.AppendLine("</tr></thead>\n<tbody>");
        foreach (var (row, r) in table.Rows.Select((row, r) => (row, r)))
        {
            html.Append(r < table.Marked.Count && table.Marked[r] ? "<tr class=\"marked\">" : "<tr>");
            foreach (var (cell, i) in row.Select((c, i) => (c, i)))
            {
                html.Append(table.RightAligned[i] ? $"<td class=\"num\">{E(cell)}</td>" : $"<td>{E(cell)}</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody></table></div>");
    }

    private static void AppendFigures(StringBuilder html, FigureGrid grid)
    {
        html.AppendLine(grid.Figures.Count > 1 ? "<div class=\"grid\">" : "<div class=\"single\">");
        foreach (var f in grid.Figures)
        {
            html.Append("<figure>");
            html.Append($"<img class=\"plot\" data-file=\"{E(f.FileName)}\" src=\"data:image/png;base64,{Convert.ToBase64String(f.Png)}\" width=\"{f.Width}\" height=\"{f.Height}\" alt=\"{E(f.Alt)}\">");
            html.AppendLine($"<figcaption>{E(f.Caption)}</figcaption></figure>");
        }

        html.AppendLine("</div>");
        if (grid.Caption is { } caption)
        {
            html.AppendLine($"<p class=\"grid-caption\">{E(caption)}</p>");
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    // Pipe tables as GitHub writes them; raw HTML inside the Markdown is shown as text, never injected.
    private static readonly MarkdownPipeline MarkdownPipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    private const string Style = """
        :root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --mark: #fff3b0; --accent: #0b5fad; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--fg); background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
        header, nav, main { max-width: 1180px; margin: 0 auto; padding: 0 16px; }
        h1 { font-size: 1.7rem; margin: 1.2rem 0 .3rem; }
        h2 { font-size: 1.35rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin: 2.2rem 0 .6rem; }
        h3 { font-size: 1.1rem; margin: 1.6rem 0 .4rem; }
        p.lead { font-size: 1.12rem; font-weight: 600; }
        nav ul { list-style: none; padding: 0; margin: 0 0 .5rem; display: flex; flex-wrap: wrap; gap: 2px 18px; }
        nav a, a { color: var(--accent); }
        figure { margin: .6rem 0; }
        figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; }
        figcaption, .grid-caption { color: var(--muted); font-size: .9rem; margin-top: .25rem; }
        .single figure img { width: 900px; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 12px; }
        .grid figure img { width: 100%; }
        .table-wrap { overflow-x: auto; margin: .5rem 0 1rem; }
        table { border-collapse: collapse; font-size: .86rem; }
        th, td { border: 1px solid var(--line); padding: 3px 7px; vertical-align: top; }
        th { background: #f6f8fa; text-align: left; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.marked td { background: var(--mark); }
        .markdown table { display: block; overflow-x: auto; max-width: 100%; margin: .5rem 0 1rem; }
        @media (max-width: 640px) {
          body { font-size: 15px; }
          h1 { font-size: 1.35rem; }
          table { font-size: .78rem; }
          .grid { grid-template-columns: 1fr; }
        }
        @media print {
          nav { display: none; }
          body { font-size: 10pt; }
          header, main { max-width: none; padding: 0; }
          h2, h3 { break-after: avoid; }
          figure, tr, .grid > figure { break-inside: avoid; }
          .table-wrap { overflow: visible; }
          .grid { grid-template-columns: repeat(2, 1fr); }
          a { color: inherit; text-decoration: none; }
          tr.marked td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """;

    // Runs once the page has loaded: counts the plots that decoded and take up space, and the page width, on the body
    // element (where a headless browser's --dump-dom shows them); a plot that did not decode is a console error.
    private const string SelfCheck = """
        window.addEventListener('load', function () {
          var plots = document.querySelectorAll('img.plot'), broken = [], visible = 0;
          for (var i = 0; i < plots.length; i++) {
            if (!plots[i].complete || plots[i].naturalWidth === 0) { broken.push(plots[i].getAttribute('data-file')); }
            var box = plots[i].getBoundingClientRect();
            if (box.width > 0 && box.height > 0) { visible++; }
          }
          var body = document.body;
          body.setAttribute('data-plots', String(plots.length));
          body.setAttribute('data-plots-loaded', String(plots.length - broken.length));
          body.setAttribute('data-plots-visible', String(visible));
          body.setAttribute('data-page-width', String(document.documentElement.scrollWidth));
          body.setAttribute('data-viewport-width', String(window.innerWidth));
          if (broken.length > 0) { console.error('report: ' + broken.length + ' plot(s) did not load: ' + broken.join(', ')); }
        });

        """;
}
