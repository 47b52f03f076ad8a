using System.Text;
using Markdig;

namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>The report's text blocks (headings, paragraphs, tables, Markdown) as HTML; tables become sortable <see cref="DataTable"/>s.</summary>
public static class BlockHtml
{
    // Pipe tables as GitHub writes them; raw HTML inside the Markdown is shown as text, never injected.
    private static readonly MarkdownPipeline MarkdownPipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    /// <summary>Appends <paramref name="blocks"/>; tables get the ids <paramref name="idPrefix"/>-table-1, -2, … in order.</summary>
    public static void Render(StringBuilder html, IEnumerable<ReportBlock> blocks, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(blocks);
        var tables = 0;
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading h:
                    var tag = "h" + Html.Int(Math.Clamp(h.Level, 1, 6));
                    html.Append('<').Append(tag).Append(" id=\"").Append(Html.E(h.Id)).Append("\">").Append(Html.E(h.Text)).Append("</").Append(tag).Append(">\n");
                    break;
                case Paragraph p:
                    html.Append(p.Lead ? "<p class=\"lead\">" : "<p>").Append(Html.E(p.Text)).Append("</p>\n");
                    break;
                case ReportTable t:
                    WebTables.From(t, $"{idPrefix}-table-{++tables}").Render(html);
                    break;
                case MarkdownBlock m:
                    html.Append("<div class=\"markdown\">\n").Append(Markdown.ToHtml(m.Markdown, MarkdownPipeline).Replace("\r\n", "\n", StringComparison.Ordinal)).Append("</div>\n");
                    break;
                default:
                    throw new ArgumentException($"block {block.GetType().Name} has no HTML form here (figures are charts of SettingPage)", nameof(blocks));
            }
        }
    }
}
