using System.Globalization;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>The Markdown of <c>eebench compare</c>: what moved beyond its intervals, group by group, then context.</summary>
public static class ComparisonReport
{
    private const int ContextRows = 10;

    /// <summary>Renders <paramref name="comparison"/> of leaderboards <paramref name="a"/> and <paramref name="b"/> read from the given paths.</summary>
    public static string Markdown(LeaderboardComparison comparison, LeaderboardDocument a, string pathA, LeaderboardDocument b, string pathB)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var scores = comparison.Entries.Count(e => e.ScoreMoved);
        var ranks = comparison.Entries.Count(e => e.RankMoved);
        var proxies = comparison.Proxies.Count(p => p.Moved);
        var blocks = new List<ReportBlock>
        {
            new Heading(1, "Leaderboard comparison", "top"),
            new Paragraph($"A: {pathA} ({Describe(a)}). B: {pathB} ({Describe(b)})."),
            new Paragraph(comparison.AnyMoved
                ? $"Moved beyond the 95% intervals: {scores} efficiency score(s), {ranks} rank(s), {proxies} proxy correlation(s)."
                : "Nothing moved beyond its 95% interval.", Lead: true),
            new Paragraph("A value moved when its 95% interval in A and its 95% interval in B do not overlap (efficiency score: bootstrap over test "
                + "samples; rank: over the same replicates; proxy correlation: Spearman or Kendall, bootstrap over methods). Values without an "
                + "interval on either side are listed but never count. Accuracy at budget and per-exit metrics carry no interval and are not judged."),
        };
        foreach (var group in comparison.Entries.Select(e => e.Group).Concat(comparison.Proxies.Select(p => p.Group)).Distinct())
        {
            blocks.AddRange(Group(group, comparison));
        }

        if (comparison.Unmatched.Count > 0)
        {
            blocks.Add(new Heading(2, "In one leaderboard only", "unmatched"));
            blocks.Add(new ReportTable(["what"], [false], comparison.Unmatched.Select(u => (IReadOnlyList<string>)[u]).ToList(), []));
        }

        return MarkdownRenderer.Render(blocks);
    }

    private static IEnumerable<ReportBlock> Group(string group, LeaderboardComparison comparison)
    {
        var entries = comparison.Entries.Where(e => e.Group == group).ToList();
        yield return new Heading(2, group, ReportText.Safe(group));
        var moved = entries.Where(e => e.Moved).OrderBy(e => e.B.Rank).ToList();
        yield return moved.Count == 0
            ? new Paragraph("No entry's efficiency score or rank moved beyond its intervals.")
            : EntryTable(moved, $"moved");
        var top = entries.OrderBy(e => e.B.Rank).Take(ContextRows).ToList();
        if (top.Count > 0)
        {
            yield return new Paragraph($"Top {top.Count} of B, for context:");
            yield return EntryTable(top, "context");
        }

        var proxies = comparison.Proxies.Where(p => p.Group == group && p.Moved).ToList();
        if (proxies.Count > 0)
        {
            yield return new Paragraph("Proxy correlations that moved:");
            yield return new ReportTable(
                ["proxy", "Spearman ρ A", "95% A", "Spearman ρ B", "95% B", "Kendall τ A", "95% A", "Kendall τ B", "95% B"],
                [false, true, true, true, true, true, true, true, true],
                proxies.Select(p => (IReadOnlyList<string>)
                [
                    p.Proxy,
                    ReportText.F(p.A.Spearman, "F2"), Ci(p.A.SpearmanCi), ReportText.F(p.B.Spearman, "F2"), Ci(p.B.SpearmanCi),
                    ReportText.F(p.A.Kendall, "F2"), Ci(p.A.KendallCi), ReportText.F(p.B.Kendall, "F2"), Ci(p.B.KendallCi),
                ]).ToList(),
                []);
        }
    }

    private static ReportTable EntryTable(IReadOnlyList<EntryChange> rows, string kind) => new(
        ["method", "efficiency A", "95% A", "efficiency B", "95% B", "Δ (B − A)", "rank A (95%)", "rank B (95%)", "moved"],
        [false, true, true, true, true, true, true, true, false],
        rows.Select(e => (IReadOnlyList<string>)
        [
            ReportText.Method(e.A),
            ReportText.F(e.A.Efficiency.Score),
            e.A.Efficiency.ScoreCi is { } a ? ReportText.Interval(a) : "–",
            ReportText.F(e.B.Efficiency.Score),
            e.B.Efficiency.ScoreCi is { } b ? ReportText.Interval(b) : "–",
            (e.B.Efficiency.Score - e.A.Efficiency.Score).ToString("+0.0000;−0.0000;0.0000", CultureInfo.InvariantCulture),
            Rank(e.A),
            Rank(e.B),
            string.Join(", ", new[] { e.ScoreMoved ? "score" : null, e.RankMoved ? "rank" : null }.OfType<string>()),
        ]).ToList(),
        rows.Select(e => kind == "context" && e.Moved).ToList());

    private static string Rank(EntryResult e) => e.RankCi is { } r ? $"{e.Rank} ({r[0]}–{r[1]})" : e.Rank.ToString(CultureInfo.InvariantCulture);

    private static string Ci(double[]? ci) => ci is null ? "–" : ReportText.Interval(ci, "F2");

    private static string Describe(LeaderboardDocument d)
    {
        var commit = d.Provenance?.GitCommit is { } c ? $", commit {c[..Math.Min(10, c.Length)]}{(d.Provenance.GitDirty == true ? " (dirty)" : string.Empty)}" : string.Empty;
        return $"suite {d.Suite.Name}, seeds {string.Join(", ", d.Suite.Seeds)}{commit}";
    }
}
