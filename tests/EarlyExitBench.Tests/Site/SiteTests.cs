using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Site;
using EarlyExitBench.Tests.Submissions;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Site;

/// <summary>
/// <c>eebench site</c> on small submissions made by the submission tests' fixtures: every page written, every relative link
/// resolves, nothing absolute, the same bytes twice, the setting page's numbers are the leaderboard's, the CSV is the JSON,
/// and a malformed submission or record stops the build naming it.
/// </summary>
[Collection("Console")]
public class SiteTests(ITestOutputHelper output)
{
    private static readonly Lazy<(string Folder, string Record)> Submissions = new(() =>
    {
        var record = Path.Combine(TestPaths.TempDirectory(), "a.verification.json");
        var verify = InProcess.Run("verify", TinyRun.Submission, "--sample", "1", "--seed", "1", "--record", record);
        Assert.True(verify.Code == 0, verify.Out + verify.Err);
        return (SiteRuns.Folder(("a", TinyRun.Submission, record), ("b", SiteRuns.B, null)), record);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    [Fact]
    public void TheSiteHasEveryPageEveryLinkResolvesAndTwoBuildsAreTheSameBytes()
    {
        var first = Build(Submissions.Value.Folder);
        var second = Build(Submissions.Value.Folder);

        var files = PageReader.Files(first);
        var data = JsonNode.Parse(File.ReadAllText(Path.Combine(first, "data", "leaderboard.json")))!;
        var settings = data["settings"]!.AsArray().Select(s => (string)s!["slug"]!).ToList();
        var methods = data["settings"]!.AsArray().SelectMany(s => s!["tables"]!.AsArray()).SelectMany(t => t!["group"]!["entries"]!.AsArray())
            .Select(e => $"{(string?)e!["calibrator"]} + {(string?)e["failure_predictor"]} + {(string?)e["exit_policy"]}").Distinct().ToList();
        output.WriteLine(string.Join('\n', files.Select(f => $"{f.Key} {f.Value.Length}")));

        Assert.Equal(files.Keys, PageReader.Files(second).Keys);
        Assert.All(files, f => Assert.True(f.Value.AsSpan().SequenceEqual(PageReader.Files(second)[f.Key]), f.Key + " differs between two builds"));
        foreach (var page in new[] { "index.html", "proxies.html", "submissions.html", "data/leaderboard.json", "data/entries.csv" }
            .Concat(settings.Select(s => $"settings/{s}.html")).Concat(methods.Select(m => $"methods/{Slugs.Of(m)}.html")))
        {
            Assert.True(files.ContainsKey(page), $"{page} missing; the site has {string.Join(", ", files.Keys)}");
        }

        Assert.Equal(1 + 1 + 1 + settings.Count + methods.Count, files.Keys.Count(k => k.EndsWith(".html", StringComparison.Ordinal)));
        var broken = new List<string>();
        foreach (var (page, bytes) in files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            var text = Encoding.UTF8.GetString(bytes);
            foreach (var link in PageReader.Links().Matches(text).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value)))
            {
                if (link.StartsWith('#') || link.StartsWith("data:", StringComparison.Ordinal))
                {
                    continue;
                }

                var target = link.Split('#', '?')[0];
                var resolved = Path.GetRelativePath(first, Path.GetFullPath(Path.Combine(first, Path.GetDirectoryName(page)!, target))).Replace('\\', '/');
                if (link.Contains("//", StringComparison.Ordinal) || link.StartsWith('/') || !files.ContainsKey(resolved))
                {
                    broken.Add($"{page}: {link}");
                }
            }
        }

        Assert.True(broken.Count == 0, "links that do not resolve to a file of the site:\n" + string.Join('\n', broken));
        foreach (var (path, bytes) in files)
        {
            var text = Encoding.UTF8.GetString(bytes);
            foreach (var local in new[] { Submissions.Value.Folder, TinyRun.Root, first, Path.GetTempPath().TrimEnd('/') })
            {
                Assert.False(text.Contains(local, StringComparison.Ordinal), $"{path} holds the path {local}");
            }
        }
    }

    [Fact]
    public void ReadingTheSubmissionsOnOneCoreBuildsTheSameBytesAndTheDownloadHoldsNoReplicates()
    {
        var parallel = Build(Submissions.Value.Folder);
        var before = SiteInput.Parallelism;
        string serial;
        try
        {
            SiteInput.Parallelism = 1;
            serial = Build(Submissions.Value.Folder);
        }
        finally
        {
            SiteInput.Parallelism = before;
        }

        var files = PageReader.Files(parallel);
        Assert.Equal(files.Keys, PageReader.Files(serial).Keys);
        Assert.All(files, f => Assert.True(f.Value.AsSpan().SequenceEqual(PageReader.Files(serial)[f.Key]), f.Key + " differs between a parallel and a serial read"));

        // The submissions' own leaderboards hold each seed's bootstrap replicates; the download leaves them out, and only them.
        var text = File.ReadAllText(Path.Combine(parallel, "data", "leaderboard.json"));
        Assert.Contains("\"efficiency_replicates\"", File.ReadAllText(Path.Combine(TinyRun.Submission, "leaderboard.json")), StringComparison.Ordinal);
        Assert.DoesNotContain("efficiency_replicates", text, StringComparison.Ordinal);
        Assert.Contains("\"deployable_replicates\"", File.ReadAllText(Path.Combine(TinyRun.Submission, "leaderboard.json")), StringComparison.Ordinal);
        Assert.DoesNotContain("deployable_replicates", text, StringComparison.Ordinal);
        Assert.Equal(1, text.Count(c => c == '\n'));
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        var a = Assert.Single(LeaderboardReader.Read(Path.Combine(TinyRun.Submission, "leaderboard.json")).Groups);
        var table = JsonNode.Parse(text)!["settings"]![0]!["tables"]![0]!;
        var seeds = table["group"]!["entries"]!.AsArray().Where(e => (string?)e!["calibrator"] == "temperature").SelectMany(e => e!["per_seed"]!.AsArray()).ToList();
        var expected = a.Entries.Where(e => e.Calibrator == "temperature").SelectMany(e => e.PerSeed).ToList();
        Assert.Equal(expected.Count, seeds.Count);
        foreach (var (node, seed) in seeds.Zip(expected))
        {
            Assert.Equal(seed.Seed, (int)node!["seed"]!);
            Assert.Equal(seed.Score, (double)node["score"]!);
            Assert.Equal(seed.ParetoFront.Count, node["pareto_front"]!.AsArray().Count);
            Assert.Equal(seed.Proxies.Keys.Order(StringComparer.Ordinal), node["proxies"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void TheSettingPagesNumbersAreTheLeaderboardsAndEachRowSaysWhoSubmittedItAndHowItWasVerified()
    {
        var site = Build(Submissions.Value.Folder);
        var data = JsonNode.Parse(File.ReadAllText(Path.Combine(site, "data", "leaderboard.json")))!;
        var setting = Assert.Single(data["settings"]!.AsArray())!;
        var entries = setting["tables"]![0]!["group"]!["entries"]!.AsArray();
        var oracle = Assert.Single(LeaderboardReader.Read(Path.Combine(SiteRuns.AllThree, "leaderboard.json")).Groups).Entries;
        var html = File.ReadAllText(Path.Combine(site, "settings", (string)setting["slug"]! + ".html"));

        var ranking = PageReader.Tables(html).First(t => t.Keys.Contains("efficiency") && t.Keys.Contains("submission") && t.Keys.Contains("verification"));

        Assert.Equal(oracle.Count, ranking.Rows.Count);
        var statuses = JsonNode.Parse(File.ReadAllText(Submissions.Value.Record))!["cells"]!.AsArray().ToDictionary(c => (string)c!["key"]!, c => (string)c!["verdict"]!);
        for (var i = 0; i < oracle.Count; i++)
        {
            var row = ranking.Rows[i];
            PageReader.Close(oracle[i].Efficiency.Score, row[ranking.Keys.IndexOf("efficiency")], $"row {i + 1} efficiency");
            Assert.Equal((double)entries[i]!["efficiency"]!["score"]!, oracle[i].Efficiency.Score);
            var submission = row[ranking.Keys.IndexOf("submission")];
            var verification = row[ranking.Keys.IndexOf("verification")];
            if (oracle[i].Calibrator == "platt")
            {
                Assert.Equal("b", submission);
                Assert.Equal("seed 3: not verified; seed 4: not verified", verification);
            }
            else if (oracle[i].Calibrator == "temperature")
            {
                Assert.Equal("a", submission);
                Assert.Contains("seed 3: ", verification, StringComparison.Ordinal);
                Assert.Equal(1, Regex.Count(verification, "verified"));
                Assert.Equal(1, Regex.Count(verification, "not sampled"));
            }
            else
            {
                Assert.Equal("a b", submission);
                Assert.Contains("b seed 4: not verified", verification, StringComparison.Ordinal);
            }
        }

        Assert.Single(statuses);
        Assert.Contains(statuses.Values, v => v == "verified");
    }

    [Fact]
    public void TheCsvHoldsTheJsonsEntries()
    {
        var site = Build(Submissions.Value.Folder);
        var data = JsonNode.Parse(File.ReadAllText(Path.Combine(site, "data", "leaderboard.json")))!;
        var rows = PageReader.Csv(File.ReadAllText(Path.Combine(site, "data", "entries.csv")));
        var header = rows[0];
        string Field(IReadOnlyList<string> row, string column) => row[header.IndexOf(column)];

        var expected = data["settings"]!.AsArray().SelectMany(s => s!["tables"]!.AsArray().SelectMany(t => t!["group"]!["entries"]!.AsArray()
            .Select((e, i) => (Setting: s, Table: t!, Entry: e!, Submissions: t!["submissions"]![i]!.AsArray())))).ToList();

        Assert.Equal(EntriesCsv.Columns, header);
        Assert.Equal(expected.Count, rows.Count - 1);
        foreach (var (row, x) in rows.Skip(1).Zip(expected))
        {
            Assert.Equal((string?)x.Setting["slug"], Field(row, "setting"));
            Assert.Equal((string?)x.Table["label"], Field(row, "table"));
            Assert.Equal((int)x.Entry["rank"]!, int.Parse(Field(row, "rank"), CultureInfo.InvariantCulture));
            Assert.Equal((string?)x.Entry["calibrator"], Field(row, "calibrator"));
            Assert.Equal((string?)x.Entry["failure_predictor"], Field(row, "failure_predictor"));
            Assert.Equal((string?)x.Entry["exit_policy"], Field(row, "exit_policy"));
            Assert.Equal((double)x.Entry["efficiency"]!["score"]!, double.Parse(Field(row, "efficiency"), CultureInfo.InvariantCulture));
            var ci = x.Entry["efficiency"]!["score_ci"]?.AsArray();
            Assert.Equal(ci is null ? "" : ((double)ci[0]!).ToString("R", CultureInfo.InvariantCulture), Field(row, "efficiency_ci_low"));
            Assert.Equal(ci is null ? "" : ((double)ci[1]!).ToString("R", CultureInfo.InvariantCulture), Field(row, "efficiency_ci_high"));
            var rankCi = x.Entry["rank_ci"]?.AsArray();
            Assert.Equal(rankCi is null ? "" : ((int)rankCi[0]!).ToString(CultureInfo.InvariantCulture), Field(row, "rank_ci_low"));
            var tied = (bool?)x.Entry["efficiency"]!["tied_with_leader"];
            Assert.Equal(tied is null ? "" : tied.Value ? "true" : "false", Field(row, "tied_with_leader"));
            Assert.Equal(string.Join(' ', x.Entry["per_seed"]!.AsArray().Select(s => (int)s!["seed"]!)), Field(row, "seeds"));
            Assert.Equal(string.Join(' ', x.Submissions.Select(s => (string?)s)), Field(row, "submissions"));
        }
    }

    [Fact]
    public void AMalformedSubmissionOrARecordOfAnotherSubmissionStopsTheBuildNamingItAndWritesNothing()
    {
        var careless = TinyRun.CopyOfSubmission();
        var cell = Harness.Planning.PlanFile.Read(TinyRun.Results).Cells[0];
        var path = Path.Combine(careless, "cells", cell.Key + ".json");
        File.WriteAllText(path, VerifyTests.Resealed(File.ReadAllText(path)));
        var folder = SiteRuns.Folder(("good", SiteRuns.B, null), ("tampered", careless, null));
        var site = Path.Combine(TestPaths.TempDirectory(), "site");

        var refused = InProcess.Run("site", folder, "--out", site);

        Assert.Equal(2, refused.Code);
        Assert.Contains($"refused: cells/{cell.Key}.json: does not match submission.json", refused.Err, StringComparison.Ordinal);
        Assert.Contains($"eebench: {Path.Combine(folder, "tampered")}: refused", refused.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site));

        // A's record beside D's folder: the record of another submission.
        var mixed = SiteRuns.Folder(("d", SiteRuns.D, Submissions.Value.Record));
        var wrong = InProcess.Run("site", mixed, "--out", site);
        Assert.Equal(2, wrong.Code);
        Assert.Contains($"{Path.Combine(mixed, "d.verification.json")}: the record of another submission", wrong.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site));

        // A folder that holds something else is not overwritten.
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "notes.txt"), "mine");
        var kept = InProcess.Run("site", SiteRuns.Folder(("b", SiteRuns.B, null)), "--out", site);
        Assert.Equal(2, kept.Code);
        Assert.Contains("holds notes.txt, which no site wrote", kept.Err, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(site, "notes.txt")));
    }

    private string Build(string folder)
    {
        var site = Path.Combine(TestPaths.TempDirectory(), "site");
        var run = InProcess.Run("site", folder, "--out", site);
        output.WriteLine(run.Out + run.Err);
        Assert.True(run.Code == 0, run.Out + run.Err);
        return site;
    }
}
