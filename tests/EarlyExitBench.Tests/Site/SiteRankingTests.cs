using System.Text.Json;
using System.Text.Json.Nodes;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Site;
using EarlyExitBench.Tests.Submissions;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Site;

/// <summary>
/// How the site ranks the entries of several submissions of one setting: with the leaderboard's own ranking code, from what
/// the records hold, and only where the comparison is paired; otherwise side by side, saying why.
/// </summary>
[Collection("Console")]
public class SiteRankingTests(ITestOutputHelper output)
{
    [Fact]
    public void RankingARunsEntriesAgainFromTheirRecordsGivesTheLeaderboardsRanksIntervalsAndCorrelations()
    {
        var board = LeaderboardReader.Read(Path.Combine(TinyRun.Results, "leaderboard.json"));
        var group = Assert.Single(board.Groups);

        var again = GroupAssembler.RankEntries(group.Entries.Reverse().Select(e => (e with { Rank = 99, RankCi = [7, 9] }, SettingGrouper.Replicates(e))));
        var suite = JsonNode.Parse(File.ReadAllText(Path.Combine(TinyRun.Results, "plan.json")))!;
        var correlation = PooledCorrelation.Of(again, PublishedNames.GlobalThreshold, pooled: false, (int)suite["bootstrap_resamples"]!, (int)suite["bootstrap_seed"]!);
        var pooled = PooledCorrelation.Of(again, PublishedNames.GlobalThreshold, pooled: true, (int)suite["bootstrap_resamples"]!, (int)suite["bootstrap_seed"]!);

        Assert.Equal(Json(group.Entries), Json(again));
        Assert.Contains(group.Entries, e => e.RankCi is not null && e.Efficiency.ScoreCi is not null);
        Assert.Equal(Json(MeanOverExits(group.ProxyCorrelation)), Json(correlation));
        Assert.Equal(Json(MeanOverExits(group.ProxyCorrelationPooled)), Json(pooled));
        Assert.Contains(correlation.Values, c => c.Spearman is not null);
    }

    [Fact]
    public void TwoSubmissionsOfOneSettingRankTogetherAsOneRunOfAllTheirMethodsRanksThem()
    {
        var site = Path.Combine(TestPaths.TempDirectory(), "site");
        var folder = SiteRuns.Folder(("a", TinyRun.Submission, null), ("b", SiteRuns.B, null));

        var run = InProcess.Run("site", folder, "--out", site);
        output.WriteLine(run.Out + run.Err);
        Assert.True(run.Code == 0, run.Out + run.Err);

        var data = JsonNode.Parse(File.ReadAllText(Path.Combine(site, "data", "leaderboard.json")))!;
        var setting = Assert.Single(data["settings"]!.AsArray())!;
        Assert.Null(setting["note"]);
        var table = Assert.Single(setting["tables"]!.AsArray())!;
        Assert.Equal(SettingGrouper.Together, (string?)table["label"]);
        var oracle = Assert.Single(LeaderboardReader.Read(Path.Combine(SiteRuns.AllThree, "leaderboard.json")).Groups);
        var entries = table["group"]!["entries"]!.AsArray();

        // The entries of A and B ranked together are the entries of one run of all their methods: order, ranks, intervals, ties.
        Assert.Equal(oracle.Entries.Count, entries.Count);
        Assert.Equal(WithoutReplicates(oracle.Entries), entries.ToJsonString(Harness.Storage.Json.Options));
        Assert.Equal(Json(MeanOverExits(oracle.ProxyCorrelation)), table["group"]!["proxy_correlation"]!.ToJsonString(Harness.Storage.Json.Options));
        Assert.Contains(oracle.Entries, e => e.Calibrator == "temperature");
        Assert.Contains(oracle.Entries, e => e.Calibrator == "platt");

        // Each row names the submissions that report it: identity is in both (the identical result, listed once).
        var names = table["submissions"]!.AsArray().Select(s => string.Join(' ', s!.AsArray().Select(n => (string?)n))).ToList();
        Assert.Equal(oracle.Entries.Select(e => e.Calibrator switch { "identity" => "a b", "temperature" => "a", _ => "b" }), names);
    }

    [Fact]
    public void SubmissionsOfOneSettingWithOtherSeedsAreShownSideBySideAndSayWhy()
    {
        var site = Path.Combine(TestPaths.TempDirectory(), "site");
        var folder = SiteRuns.Folder(("a", TinyRun.Submission, null), ("d", SiteRuns.D, null));

        var run = InProcess.Run("site", folder, "--out", site);
        Assert.True(run.Code == 0, run.Out + run.Err);

        var data = JsonNode.Parse(File.ReadAllText(Path.Combine(site, "data", "leaderboard.json")))!;
        var setting = Assert.Single(data["settings"]!.AsArray())!;
        Assert.Contains("a and d ran different seeds (3, 4 against 3)", (string?)setting["note"], StringComparison.Ordinal);
        var tables = setting["tables"]!.AsArray();
        Assert.Equal(new[] { "a", "d" }, tables.Select(t => (string?)t!["label"]));
        Assert.Equal(WithoutReplicates(LeaderboardReader.Read(Path.Combine(TinyRun.Submission, "leaderboard.json")).Groups[0].Entries), tables[0]!["group"]!["entries"]!.ToJsonString(Harness.Storage.Json.Options));
        Assert.Equal(WithoutReplicates(LeaderboardReader.Read(Path.Combine(SiteRuns.D, "leaderboard.json")).Groups[0].Entries), tables[1]!["group"]!["entries"]!.ToJsonString(Harness.Storage.Json.Options));
        Assert.Contains("Not ranked together: a and d ran different seeds", File.ReadAllText(Path.Combine(site, "settings", (string)setting["slug"]! + ".html")), StringComparison.Ordinal);
    }

    private static SortedDictionary<string, CorrelationResult> MeanOverExits(IReadOnlyDictionary<string, CorrelationResult> correlations) =>
        new(correlations.Where(p => !p.Key.Contains('@', StringComparison.Ordinal)).ToDictionary(), StringComparer.Ordinal);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, Harness.Storage.Json.Options);

    /// <summary>
    /// The entries as the site's download holds them: every key of the leaderboard's but each seed's bootstrap replicates
    /// (which the leaderboard has, so the download is shown to drop them, not to have lacked them).
    /// </summary>
    internal static string WithoutReplicates(IReadOnlyList<EntryResult> entries)
    {
        var node = JsonNode.Parse(Json(entries))!.AsArray();
        var seeds = node.SelectMany(e => e!["per_seed"]!.AsArray()).Select(s => s!.AsObject()).ToList();
        Assert.Contains(seeds, s => s.ContainsKey("efficiency_replicates"));
        seeds.ForEach(s => { s.Remove("efficiency_replicates"); s.Remove("deployable_replicates"); });
        return node.ToJsonString(Harness.Storage.Json.Options);
    }
}
