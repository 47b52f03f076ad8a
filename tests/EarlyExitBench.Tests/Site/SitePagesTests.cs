using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Site;
using EarlyExitBench.Tests.Submissions;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Site;

/// <summary>
/// What the site's pages show, read back from the HTML and checked against the inputs: the statuses of a hand-written
/// verification record (mismatch, failed) and of a submission without one; the method pages, the index and the proxy
/// summary against the merged data, recomputed here; and the DOM hooks the browser tests rely on, on every page.
/// </summary>
[Collection("Console")]
public partial class SitePagesTests(ITestOutputHelper output)
{
    // a, b and d report one setting with other seeds (d ran seed 3 only): three rankings side by side, so each method has several placings.
    private static readonly Lazy<string> ThreeSite = new(() => Build(SiteRuns.Folder(("a", TinyRun.Submission, null), ("b", SiteRuns.B, null), ("d", SiteRuns.D, null))),
        LazyThreadSafetyMode.ExecutionAndPublication);

    [Fact]
    public void AHandWrittenRecordsMismatchAndFailureAndASubmissionWithoutOneAreShownPerCellOnEveryPage()
    {
        var cells = PlanFile.Read(SiteRuns.B).Cells.OrderBy(c => c.Seed).ToList();
        Assert.Equal(new[] { 3, 4 }, cells.Select(c => c.Seed));
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(SiteRuns.B, "submission.json"))));
        var record = Path.Combine(TestPaths.TempDirectory(), "b.verification.json");
        File.WriteAllText(record, $$"""
            { "format": "eebench-verification/1", "submission_sha256": "{{sha}}", "eebench": { "version": "0.1.0", "sha256": "{{new string('c', 64)}}" },
              "sample": 2, "seed": 7, "sandbox": true,
              "cells": [ { "key": "{{cells[0].Key}}", "verdict": "mismatch", "detail": "mismatch: the result differs at $.x", "seconds": 4.2 },
                         { "key": "{{cells[1].Key}}", "verdict": "failed", "detail": "failed: the sandbox stopped it", "seconds": 9.9 } ] }
            """);
        var site = Build(SiteRuns.Folder(("a", TinyRun.Submission, null), ("b", SiteRuns.B, record)));
        var aCells = PlanFile.Read(TinyRun.Results).Cells.Count;

        var submissions = File.ReadAllText(Path.Combine(site, "submissions.html"));
        var summary = PageReader.Tables(submissions).Single(t => t.Id == "submissions-table");
        var counts = summary.Rows.ToDictionary(r => r[0], r => string.Join(' ', new[] { "verified", "not_sampled", "mismatch", "failed", "not_verified" }.Select(k => r[summary.Keys.IndexOf(k)])));
        Assert.Equal("0 0 1 1 0", counts["b"]);
        Assert.Equal($"0 0 0 0 {aCells}", counts["a"]);
        Assert.Contains("2 of 2 cell(s) re-run (sample 2, seed 7, in the sandbox) by eebench 0.1.0", submissions, StringComparison.Ordinal);
        var bCells = PageReader.Tables(submissions).Single(t => t.Id.EndsWith("-cells", StringComparison.Ordinal) && t.Rows.Any(r => r.Contains("failed")));
        string Of((string Id, List<string> Keys, List<List<string>> Rows) table, List<string> row, string key) => row[table.Keys.IndexOf(key)];
        Assert.Equal(new[] { "3 mismatch mismatch: the result differs at $.x 4.2", "4 failed failed: the sandbox stopped it 9.9" },
            bCells.Rows.Select(r => string.Join(' ', new[] { "seed", "status", "detail", "seconds" }.Select(k => Of(bCells, r, k)))));

        var data = JsonNode.Parse(File.ReadAllText(Path.Combine(site, "data", "leaderboard.json")))!;
        var slug = (string)Assert.Single(data["settings"]!.AsArray())!["slug"]!;
        var ranking = PageReader.Tables(File.ReadAllText(Path.Combine(site, "settings", slug + ".html"))).Single(t => t.Keys.Contains("verification"));
        var csv = PageReader.Csv(File.ReadAllText(Path.Combine(site, "data", "entries.csv")));
        foreach (var row in ranking.Rows)
        {
            var expected = Of(ranking, row, "calibrator") switch
            {
                "platt" => "seed 3: mismatch; seed 4: failed",
                "temperature" => "seed 3: not verified; seed 4: not verified",
                _ => "a seed 3: not verified; a seed 4: not verified; b seed 3: mismatch; b seed 4: failed",
            };
            Assert.Equal(expected, Of(ranking, row, "verification"));
            var line = csv.Single(l => l[csv[0].IndexOf("calibrator")] == Of(ranking, row, "calibrator") && l[csv[0].IndexOf("exit_policy")] == Of(ranking, row, "exit-policy")
                && l[csv[0].IndexOf("failure_predictor")] == Of(ranking, row, "failure-predictor"));
            Assert.Equal(expected, line[csv[0].IndexOf("verification")]);
        }
    }

    [Fact]
    public void TheClaimsOfTwoSubmissionsRankedTogetherAreTheClaimsOfOneRunOfAllTheirMethods()
    {
        var site = Build(SiteRuns.Folder(("a", TinyRun.Submission, null), ("b", SiteRuns.B, null)));
        var claims = InProcess.Run("claims", Path.Combine(SiteRuns.AllThree, "leaderboard.json"), "--json");
        Assert.True(claims.Code == 0, claims.Out + claims.Err);
        var oracle = JsonNode.Parse(claims.Out)!["claims"]!.AsArray();

        var table = PageReader.Tables(File.ReadAllText(Path.Combine(site, "proxies.html"))).Single(t => t.Id == "claims-1-table");

        Assert.NotEmpty(oracle);
        Assert.Equal(oracle.Select(c => $"{(int)c!["number"]!} {((string)c["verdict"]!).Replace('_', ' ')}: {(string?)c["claim"]}"),
            table.Rows.Select(r => $"{r[table.Keys.IndexOf("number")]} {r[table.Keys.IndexOf("verdict")]}: {r[table.Keys.IndexOf("claim")]}"));
    }

    [Fact]
    public void MethodPagesTheIndexAndTheProxySummaryAgreeWithTheMergedData()
    {
        var site = ThreeSite.Value;
        var data = JsonNode.Parse(File.ReadAllText(Path.Combine(site, "data", "leaderboard.json")))!;
        var tables = data["settings"]!.AsArray().SelectMany(s => s!["tables"]!.AsArray().Select(t => (Setting: s!, Table: t!))).ToList();
        Assert.Equal(3, tables.Count);

        // Placings, recomputed from the data: wins = rank 1 or tied with the leader; loses = the last rank, not tied.
        var placings = tables.SelectMany(x =>
        {
            var entries = x.Table["group"]!["entries"]!.AsArray();
            var last = entries.Max(e => (int)e!["rank"]!);
            return entries.Select(e =>
            {
                var rank = (int)e!["rank"]!;
                var tied = (bool?)e["efficiency"]!["tied_with_leader"] == true;
                var outcome = rank == 1 || tied ? "wins" : rank == last ? "loses" : "between";
                return (Method: $"{(string?)e["calibrator"]} + {(string?)e["failure_predictor"]} + {(string?)e["exit_policy"]}", Rank: rank, Entries: entries.Count, Outcome: outcome);
            });
        }).ToList();
        foreach (var method in placings.GroupBy(p => p.Method))
        {
            var page = File.ReadAllText(Path.Combine(site, "methods", Slugs.Of(method.Key) + ".html"));
            var table = PageReader.Tables(page).Single(t => t.Id == "placings-table");
            Assert.Equal(method.Select(p => $"{p.Rank} {p.Entries} {p.Outcome}"),
                table.Rows.Select(r => $"{r[table.Keys.IndexOf("rank")]} {r[table.Keys.IndexOf("entries")]} {r[table.Keys.IndexOf("outcome")]}"));
            Assert.Equal(method.GroupBy(p => p.Rank).OrderBy(g => g.Key).Select(g => $"rank {g.Key}: {g.Count()} ranking(s)"), Tips(page, "rect"));
            Assert.Contains($"wins in {method.Count(p => p.Outcome == "wins")} (rank 1", page, StringComparison.Ordinal);
        }

        Assert.Contains(placings, p => p.Outcome == "wins");
        Assert.Contains(placings, p => p.Outcome == "loses");
        var index = PageReader.Tables(File.ReadAllText(Path.Combine(site, "index.html"))).Single(t => t.Id == "settings-table");
        Assert.Equal(tables.Count, index.Rows.Count);
        foreach (var (row, x) in index.Rows.Zip(tables))
        {
            var entries = x.Table["group"]!["entries"]!.AsArray();
            var leader = entries[0]!;
            Assert.Equal((string?)x.Table["label"], row[index.Keys.IndexOf("table")]);
            Assert.Equal($"{(string?)leader["calibrator"]} + {(string?)leader["failure_predictor"]} + {(string?)leader["exit_policy"]}", row[index.Keys.IndexOf("leader")]);
            Assert.Equal((double)leader["efficiency"]!["score"]!, double.Parse(row[index.Keys.IndexOf("efficiency")], CultureInfo.InvariantCulture));
            Assert.Equal(entries.Count.ToString(CultureInfo.InvariantCulture), row[index.Keys.IndexOf("entries")]);
            Assert.Equal(entries.Skip(1).Count(e => (bool?)e!["efficiency"]!["tied_with_leader"] == true).ToString(CultureInfo.InvariantCulture), row[index.Keys.IndexOf("tied")]);
        }

        // The proxy summary: per mean-over-exit proxy, the median Spearman ρ over the rankings, from the data.
        var rhos = tables.SelectMany(x => x.Table["group"]!["proxy_correlation"]!.AsObject()
                .Where(p => !p.Key.Contains('@', StringComparison.Ordinal) && p.Value!["spearman"] is not null)
                .Select(p => (Proxy: p.Key, Rho: (double)p.Value!["spearman"]!)))
            .GroupBy(p => p.Proxy).ToDictionary(g => g.Key, g => g.Select(p => p.Rho).Order().ToList());
        Assert.NotEmpty(rhos);
        var proxies = PageReader.Tables(File.ReadAllText(Path.Combine(site, "proxies.html"))).Single(t => t.Id == "proxy-summary");
        Assert.Equal(rhos.Keys.Order(StringComparer.Ordinal), proxies.Rows.Select(r => r[0]));
        foreach (var row in proxies.Rows)
        {
            var values = rhos[row[0]];
            var median = values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
            Assert.Equal(values.Count.ToString(CultureInfo.InvariantCulture), row[proxies.Keys.IndexOf("rankings")]);
            Assert.Equal(median, double.Parse(row[proxies.Keys.IndexOf("median")], CultureInfo.InvariantCulture), 12);
            Assert.Equal(values[0], double.Parse(row[proxies.Keys.IndexOf("min")], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void EveryPageCarriesTheHooksTheBrowserTestsUseAndFetchesNothing()
    {
        var site = ThreeSite.Value;
        var pages = Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(pages.Count >= 5);
        foreach (var path in pages)
        {
            var page = File.ReadAllText(path);
            var name = Path.GetRelativePath(site, path);
            Assert.Equal(1, Regex.Count(page, "id=\"eeb-tip\""));
            Assert.All(Tag("table").Matches(page), t => Assert.Matches("class=\"eeb-table\" data-sortable", t.Value));
            Assert.All(Tag("th").Matches(page), t => Assert.Contains("data-key=\"", t.Value, StringComparison.Ordinal));
            var ids = PageReader.Tables(page).Select(t => t.Id).ToHashSet();
            Assert.All(Tag("input").Matches(page), i => Assert.Contains(Regex.Match(i.Value, "data-table=\"([^\"]*)\"").Groups[1].Value, ids));
            foreach (Match svg in Chart().Matches(page))
            {
                Assert.True(Regex.Count(svg.Value, "data-tip=\"[^\"]+\"") > 0, $"{name}: a chart without a point that shows its value");
            }

            foreach (var (id, keys, rows) in PageReader.Tables(page).Where(t => t.Keys.Contains("efficiency")))
            {
                Assert.All(rows, r => Assert.True(double.TryParse(r[keys.IndexOf("efficiency")], CultureInfo.InvariantCulture, out _), $"{name} {id}: an efficiency cell without its number"));
            }

            Assert.DoesNotContain("http:", page, StringComparison.Ordinal);
            Assert.DoesNotContain("https:", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<style", page, StringComparison.Ordinal);
            output.WriteLine($"{name}: {page.Length} chars, {Chart().Count(page)} chart(s), {PageReader.Tables(page).Count} table(s)");
        }

        foreach (var asset in Directory.EnumerateFiles(Path.Combine(site, "assets")))
        {
            var text = File.ReadAllText(asset);
            foreach (var fetch in new[] { "url(", "fetch(", "XMLHttpRequest", "import(", "src=" })
            {
                Assert.DoesNotContain(fetch, text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("@import", text, StringComparison.Ordinal);
        }

        var data = JsonNode.Parse(File.ReadAllText(Path.Combine(site, "data", "leaderboard.json")))!;
        var setting = File.ReadAllText(Path.Combine(site, "settings", (string)data["settings"]![0]!["slug"]! + ".html"));
        foreach (var section in new[] { "t1-ranking", "t1-proxies", "t2-ranking", "t3-ranking" })
        {
            Assert.Contains($"id=\"{section}\"", setting, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> Tips(string html, string element) =>
        Tag(element).Matches(html).Select(m => Regex.Match(m.Value, "data-tip=\"([^\"]*)\"")).Where(m => m.Success).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));

    private static Regex Tag(string element) => new($"<{element}\\b[^>]*>");

    private static string Build(string folder)
    {
        var site = Path.Combine(TestPaths.TempDirectory(), "site");
        var run = InProcess.Run("site", folder, "--out", site);
        Assert.True(run.Code == 0, run.Out + run.Err);
        return site;
    }

    [GeneratedRegex("<svg class=\"eeb-chart\".*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Chart();
}
