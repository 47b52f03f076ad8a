using System.Globalization;
using EarlyExitBench.Harness.Claims;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>The whole report as blocks: summary, one section per group, failures, conventions, provenance.</summary>
internal static class ReportContent
{
    /// <summary>The page title and what the leaderboard is: the blocks before the groups.</summary>
    public static IReadOnlyList<ReportBlock> Intro(LeaderboardDocument document) =>
    [
        new Heading(1, Title(document), "top"),
        new Paragraph(
            $"Suite {document.Suite.File}, seeds {string.Join(", ", document.Suite.Seeds)}, device {document.Suite.Device}; "
            + $"{document.Groups.Count} group(s) of (dataset, architecture, recipe), each ranked by efficiency score: the mean accuracy reachable "
            + "at each relative cost between the first and the last exit (higher is better)."),
    ];

    /// <summary>The report's title.</summary>
    public static string Title(LeaderboardDocument document) => $"{document.Suite.Name}: early-exit leaderboard";

    /// <summary>Claims, metrics, failures, conventions and provenance: the blocks after the groups.</summary>
    public static IReadOnlyList<ReportBlock> Tail(LeaderboardDocument document)
    {
        var blocks = new List<ReportBlock>();
        blocks.AddRange(ClaimsBlocks(document));
        blocks.AddRange(MetricsBlocks(document));
        if (document.Failures.Count > 0)
        {
            blocks.Add(new Heading(2, $"Failures ({document.Failures.Count})", "failures"));
            blocks.Add(new ReportTable(
                ["cell", "seed", "kind", "plugin", "stage", "message"],
                [false, true, false, false, false, false],
                document.Failures.Select(f => (IReadOnlyList<string>)[f.Cell, f.Seed.ToString(CultureInfo.InvariantCulture), f.Kind, f.Plugin, f.Stage, f.Message]).ToList(),
                []));
        }

        blocks.Add(new Heading(2, "How these numbers are made", "conventions"));
        blocks.Add(new Paragraph($"Cost: {document.CostConvention}."));
        blocks.Add(new Paragraph($"Intervals: {document.IntervalConvention}"));
        blocks.AddRange(ProvenanceBlocks(document));
        return blocks;
    }

    /// <summary>The paper's claims judged on this leaderboard, as <c>eebench claims</c> writes them.</summary>
    private static IEnumerable<ReportBlock> ClaimsBlocks(LeaderboardDocument document)
    {
        if (document.Groups.Count == 0)
        {
            yield break;
        }

        var markdown = ClaimsSection.Render(ClaimsEvaluator.Evaluate(ClaimsData.From(document, "this leaderboard"), new ClaimsOptions()), correlations: false);

        // The section's own title becomes a heading of the page, so it is in the table of contents.
        var lines = markdown.Split('\n');
        yield return new Heading(2, lines[0].TrimStart('#', ' ').TrimEnd(), "claims");
        yield return new MarkdownBlock(string.Join('\n', lines.Skip(1)));
    }

    /// <summary>What every per-exit metric is, which way is better and where it is defined.</summary>
    private static IEnumerable<ReportBlock> MetricsBlocks(LeaderboardDocument document)
    {
        if (document.Metrics.Count == 0)
        {
            yield break;
        }

        yield return new Heading(2, "Metrics", "metrics");
        yield return new Paragraph("Every metric computed at each exit (per_exit in the leaderboard); the built-ins are defined in docs/contributors/metrics.md.");
        yield return new ReportTable(
            ["metric", "better", "proxy", "what it is", "defined in", "plugin"],
            [false, false, false, false, false, false],
            document.Metrics.Select(m => (IReadOnlyList<string>)[m.Name, ReportText.Better(document, m.Name), m.Proxy ? "yes" : "no", m.Description, m.Citation, m.Plugin]).ToList(),
            []);
    }

    private static IEnumerable<ReportBlock> ProvenanceBlocks(LeaderboardDocument document)
    {
        yield return new Heading(2, "Provenance", "provenance");
        var p = document.Provenance;
        var e = document.Environment;
        var git = p?.GitCommit is { } commit ? commit + (p.GitDirty == true ? " (uncommitted changes)" : p.GitDirty == false ? " (clean)" : string.Empty) : "unknown (not run from a git checkout)";
        yield return new ReportTable(
            ["what", "value"],
            [false, false],
            [
                ["suite file", document.Suite.File],
                ["suite SHA-256", p?.SuiteSha256 ?? "–"],
                ["git commit", git],
                .. (p?.Datasets ?? []).Select(d => (IReadOnlyList<string>)[$"dataset {d.Name}", $"content {d.ContentId}"]),
                ["machine", $"{e.Machine}: {e.Os}, {e.ProcessorCount} logical CPUs, {e.Runtime}, TorchSharp {e.TorchSharp}, {e.Device}, {e.TorchThreads} thread(s)"],
                ["started", e.Started],
                ["command", e.CommandLine],
            ],
            []);
        if (p is not null)
        {
            yield return new ReportTable(
                ["assembly", "version", "SHA-256", "provides"],
                [false, false, false, false],
                p.Assemblies.Select(a => (IReadOnlyList<string>)[a.External ? $"{a.Name} (outside the repository)" : a.Name, a.Version, a.Sha256, a.Aliases.Count == 0 ? "–" : string.Join(", ", a.Aliases)]).ToList(),
                []);
        }
    }
}
