using System.Text;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>Renders report blocks as GitHub-flavoured Markdown; figures are linked PNG files beside the report.</summary>
internal static class MarkdownRenderer
{
    public static string Render(IReadOnlyList<ReportBlock> blocks)
    {
        var md = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading h:
                    md.Append('#', h.Level).Append(' ').AppendLine(h.Text).AppendLine();
                    break;
                case Paragraph p:
                    md.AppendLine(p.Lead ? $"**{p.Text}**" : p.Text).AppendLine();
                    break;
                case ReportTable t:
                    AppendTable(md, t);
                    break;
                case MarkdownBlock m:
                    md.AppendLine(m.Markdown.TrimEnd()).AppendLine();
                    break;
                case FigureGrid g:
                    foreach (var figure in g.Figures)
                    {
                        md.AppendLine($"![{Cell(figure.Alt)}]({figure.FileName})").AppendLine();
                        md.AppendLine($"*{figure.Caption}*").AppendLine();
                    }

                    if (g.Caption is { } caption)
                    {
                        md.AppendLine($"*{caption}*").AppendLine();
                    }

                    break;
                default:
                    throw new ArgumentException($"unknown report block {block.GetType().Name}", nameof(blocks));
            }
        }

        return md.ToString();
    }

    private static void AppendTable(StringBuilder md, ReportTable table)
    {
        md.AppendLine("| " + string.Join(" | ", table.Headers.Select(Cell)) + " |");
        md.AppendLine("|" + string.Concat(table.RightAligned.Select(r => r ? "---:|" : "---|")));
        foreach (var row in table.Rows)
        {
            md.AppendLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
        }

        md.AppendLine();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
