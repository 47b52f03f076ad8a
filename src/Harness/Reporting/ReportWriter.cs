using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Storage;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>
/// The human side of a leaderboard, made from the leaderboard alone: <c>report.md</c> with its plots as PNG files beside
/// it, and <c>report.html</c>, one self-contained page with the same plots embedded.
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
        var blocks = ReportContent.Build(document);
        foreach (var figure in blocks.OfType<FigureGrid>().SelectMany(g => g.Figures))
        {
            AtomicFile.WriteAllBytes(Path.Combine(directory, figure.FileName), figure.Png);
        }

        var markdown = Path.Combine(directory, MarkdownFile);
        AtomicFile.WriteAllText(markdown, MarkdownRenderer.Render(blocks));
        AtomicFile.WriteAllText(Path.Combine(directory, HtmlFile), HtmlRenderer.Render(blocks, $"{document.Suite.Name}: early-exit leaderboard"));
        return markdown;
    }
}
