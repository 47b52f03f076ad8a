using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Storage;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>
/// The human side of a leaderboard, made from the leaderboard alone: <c>report.md</c> with its plots as PNG files beside
/// it, and <c>report.html</c>, one self-contained page built from the site's components (<see cref="Web.ReportPage"/>):
/// sortable tables and SVG charts with values on hover instead of the PNGs.
/// </summary>
public static class ReportWriter
{
    /// <summary>Name of the Markdown report.</summary>
    public const string MarkdownFile = "report.md";

    /// <summary>Name of the HTML report.</summary>
    public const string HtmlFile = "report.html";

    /// <summary>Writes <c>report.md</c>, its PNGs and <c>report.html</c> into <paramref name="directory"/>; returns the Markdown report's path.</summary>
    public static string Write(LeaderboardDocument document, string directory)
    {
        ArgumentNullException.ThrowIfNull(document);
        Directory.CreateDirectory(directory);
        var tail = ReportContent.Tail(document);
        var blocks = ReportContent.Intro(document).Concat(document.Groups.SelectMany((g, i) => GroupSection.Build(document, g, i))).Concat(tail).ToList();
        foreach (var figure in blocks.OfType<FigureGrid>().SelectMany(g => g.Figures))
        {
            AtomicFile.WriteAllBytes(Path.Combine(directory, figure.FileName), figure.Png);
        }

        var markdown = Path.Combine(directory, MarkdownFile);
        AtomicFile.WriteAllText(markdown, MarkdownRenderer.Render(blocks));
        AtomicFile.WriteAllText(Path.Combine(directory, HtmlFile), Web.ReportPage.Render(document, tail));
        return markdown;
    }
}
