using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Site;
using EarlyExitBench.Harness.Submissions;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Site;

/// <summary>
/// A site of paper-quick's size (its published leaderboard: 6 settings × 63 methods × 3 seeds), made from two copies of it
/// as two submissions: the largest page stays under 2 MB, and two copies of one leaderboard ranked together give that
/// leaderboard's own ranking back (ranks, intervals, ties: what <c>run</c> computed from the cells).
/// </summary>
public class SiteWeightTests(ITestOutputHelper output)
{
    [Fact]
    public void APaperQuickSizedSitesLargestPageIsUnderTwoMegabytesAndTwoCopiesRankAsTheLeaderboardDid()
    {
        var board = LeaderboardReader.Read(Path.Combine(TestPaths.RepoRoot, "docs", "reproduction", "paper-quick", "leaderboard.json.gz"));
        var submissions = new[] { Copy(board, "alice"), Copy(board, "bob") };
        var clock = Stopwatch.StartNew();

        var settings = SettingGrouper.Group(submissions);
        var files = SiteBuilder.Build(new SiteModel(submissions, settings, []));

        clock.Stop();
        var pages = files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)).ToList();
        var largest = pages.MaxBy(f => f.Value.Length);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{files.Count} files, {files.Sum(f => (long)f.Value.Length) / 1024.0:F0} KB in all, {pages.Count} pages; largest {largest.Key} {largest.Value.Length / 1024.0:F0} KB; built in {clock.Elapsed.TotalSeconds:F1} s (no claims)"));
        foreach (var (path, bytes) in files.Where(f => !f.Key.StartsWith("methods/", StringComparison.Ordinal)))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {path}: {bytes.Length / 1024.0:F0} KB"));
        }

        Assert.Equal(board.Groups.Count, settings.Count);
        Assert.Equal(board.Groups.Count + board.Groups.SelectMany(g => g.Entries).Select(SiteSetting.MethodName).Distinct().Count() + 3, pages.Count);
        Assert.True(largest.Value.Length <= 2 * 1024 * 1024, $"{largest.Key} weighs {largest.Value.Length} bytes");
        foreach (var (setting, group) in settings.Zip(board.Groups.OrderBy(g => g.Dataset, StringComparer.Ordinal).ThenBy(g => g.Architecture, StringComparer.Ordinal)
            .ThenBy(g => g.ArchitectureOptions, StringComparer.Ordinal).ThenBy(g => g.Recipe, StringComparer.Ordinal)))
        {
            var table = Assert.Single(setting.Tables);
            Assert.Equal(SettingGrouper.Together, table.Label);
            Assert.All(table.Rows, r => Assert.Equal(new[] { "alice", "bob" }, r.Submissions));
            Assert.Equal(JsonSerializer.Serialize(group.Entries, Harness.Storage.Json.Options), JsonSerializer.Serialize(table.Group.Entries, Harness.Storage.Json.Options));
        }
    }

    /// <summary>The leaderboard as a submission named <paramref name="name"/>: one not-verified cell per (setting, seed), same model per seed.</summary>
    private static SiteSubmission Copy(LeaderboardDocument board, string name)
    {
        var sha = new string('a', 64);
        var manifest = new SubmissionManifest(SubmissionManifest.CurrentFormat, new SubmissionPin("paper-quick", sha, "plan", board.SchemaVersion, "eebench", "0.1.0", sha), null, [], [], []);
        var cells = board.Groups.SelectMany(g => g.Entries[0].PerSeed.Select(s => new SiteCell(
            $"{g.Dataset}-{g.Architecture}-{g.Recipe}-{s.Seed}", $"{g.Dataset}/{g.Architecture}/{g.Recipe}/seed {s.Seed}", g.Dataset, g.Architecture, g.Recipe, s.Seed,
            $"model-{g.Architecture}-{g.Recipe}-{s.Seed}", CellStatus.NotVerified, null))).ToList();
        return new SiteSubmission(name, sha, manifest, board, cells, null, (200, 0));
    }
}
