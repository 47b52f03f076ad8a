using System.Globalization;
using System.Text.RegularExpressions;
using EarlyExitBench.Harness.Reporting;
using EarlyExitBench.Harness.Reporting.Web;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Reporting.Web;

/// <summary>One setting's section, on the toy leaderboard: the ranking and the charts show the leaderboard's own numbers.</summary>
[Collection("Console")]
public class SettingPageTests
{
    private static readonly Lazy<(string Dir, LeaderboardDocument Document)> Toy = new(() =>
    {
        var dir = ToyBundle.Evaluate();
        return (dir, LeaderboardReader.Read(Path.Combine(dir, "leaderboard.json")));
    });

    private static readonly EntryColumn Submission = new(new TableColumn("submission", "submission"), e => new TableCell("sub-" + e.Calibrator, Href: $"../submissions.html#{e.Calibrator}"));

    [Fact]
    public void TheRankingHasEveryEntryInRankOrderWithItsRawScoreAndTheExtraColumns()
    {
        var (_, document) = Toy.Value;
        var group = document.Groups[0];

        var html = SettingPage.Render(SettingInput.From(document, group), new SettingPageOptions { IdPrefix = "s1", ExtraColumns = [Submission] });

        var table = Regex.Match(html, "<div class=\"table-wrap nowrap\"><table class=\"eeb-table\" data-sortable id=\"s1-ranking-table\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        var keys = Regex.Matches(table, "<th data-key=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["rank", "rank-ci", "calibrator", "failure-predictor", "exit-policy", "submission", "efficiency"], keys.Take(7));
        Assert.Contains("<input class=\"eeb-filter\" type=\"search\" data-table=\"s1-ranking-table\"", html, StringComparison.Ordinal);

        var body = table[table.IndexOf("<tbody>", StringComparison.Ordinal)..];
        var rows = Regex.Matches(body, "<tr( class=\"marked\")?>(.*?)</tr>").Select(m => (Marked: m.Groups[1].Success, Cells: Regex.Matches(m.Groups[2].Value, "<td[^>]*>(.*?)</td>").Select(c => c.Value).ToList())).ToList();
        Assert.Equal(group.Entries.Count, rows.Count);
        var efficiency = keys.IndexOf("efficiency");
        foreach (var (entry, row) in group.Entries.Zip(rows))
        {
            Assert.Contains($"data-value=\"{entry.Efficiency.Score.ToString("R", CultureInfo.InvariantCulture)}\"", row.Cells[efficiency], StringComparison.Ordinal);
            Assert.Contains($">{entry.Calibrator}<", row.Cells[2], StringComparison.Ordinal);
            Assert.Contains($"<a href=\"../submissions.html#{entry.Calibrator}\">sub-{entry.Calibrator}</a>", row.Cells[5], StringComparison.Ordinal);
            Assert.Equal(entry.Efficiency.TiedWithLeader == true, row.Marked);
            Assert.StartsWith($"<td class=\"num\" data-value=\"{entry.Rank}\">{entry.Rank}", row.Cells[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ASharedRankIsMarkedOnEveryEntryThatHoldsIt()
    {
        var (_, document) = Toy.Value;
        var group = document.Groups[0];
        var entries = group.Entries.Select((e, i) => e with { Rank = i == 2 ? 2 : i + 1 }).ToList();

        var table = SettingPage.Ranking(new SettingInput(group with { Entries = entries }, document.Metrics)).Render();

        var ranks = Regex.Matches(table, "<tr[^>]*><td class=\"num\" data-value=\"[0-9]+\">([0-9=]+)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["1", "2=", "2=", "4"], ranks.Take(4));
    }

    [Fact]
    public void AnExtraColumnMayNotReuseAKeyOfTheRanking()
    {
        var (_, document) = Toy.Value;
        var clash = new EntryColumn(new TableColumn("efficiency", "mine"), _ => TableCell.Of("x"));

        var error = Assert.Throws<ArgumentException>(() => SettingPage.Ranking(SettingInput.From(document, document.Groups[0]), new SettingPageOptions { ExtraColumns = [clash] }));

        Assert.Contains("\"efficiency\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryChartIsThereWithAPointPerValueOfTheLeaderboard()
    {
        var (dir, document) = Toy.Value;
        var group = document.Groups[0];
        var global = group.Entries.Where(e => e.ExitPolicy == PublishedNames.GlobalThreshold).ToList();

        var html = SettingPage.Render(SettingInput.From(document, group));

        var charts = Regex.Matches(html, "<svg class=\"eeb-chart\"[^>]*aria-label=\"([^\"]*)\">(.*?)</svg>", RegexOptions.Singleline).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var fronts = charts.Single(c => c.Key.Contains("accuracy against relative FLOPs", StringComparison.Ordinal)).Value;

        // Every operating point of the leader's first seed, as the tip "method: cost, accuracy".
        var leader = global[0];
        foreach (var point in leader.PerSeed[0].ParetoFront)
        {
            Assert.Contains($"data-tip=\"{Html.E(ReportText.Method(leader))}: {point.RelativeCost.ToString("F3", CultureInfo.InvariantCulture)}, {point.Accuracy.ToString("F4", CultureInfo.InvariantCulture)}\"", fronts, StringComparison.Ordinal);
        }

        Assert.Equal(group.Exits.Count, charts.Keys.Count(k => k.StartsWith("Reliability diagram of exit", StringComparison.Ordinal)));
        Assert.Equal(group.Exits.Count, charts.Keys.Count(k => k.StartsWith("Risk–coverage curves of exit", StringComparison.Ordinal)));
        var proxies = GroupSection.Proxies(group);
        Assert.NotEmpty(proxies);
        Assert.Equal(proxies.Select(p => $"{p.Key} against the efficiency score"), charts.Keys.Where(k => k.EndsWith("against the efficiency score", StringComparison.Ordinal)));

        // One scatter point per global-threshold method.
        Assert.Equal(global.Count, Regex.Matches(charts[$"{proxies[0].Key} against the efficiency score"], "data-tip=").Count);

        // Nothing in the section depends on where the leaderboard was written, and rendering is repeatable.
        Assert.DoesNotContain(dir, html, StringComparison.Ordinal);
        Assert.Equal(html, SettingPage.Render(SettingInput.From(document, group)));
    }

    [Fact]
    public void AProxyPointIsTheMeanOverSeedsOfTheMethodsProxy()
    {
        var (_, document) = Toy.Value;
        var group = document.Groups[0];
        var entry = group.Entries.First(e => e.ExitPolicy == PublishedNames.GlobalThreshold);
        var seed = entry.PerSeed[0];
        Dictionary<string, double> Auroc(double v) => new(seed.Proxies) { ["auroc"] = v };
        var twoSeeds = entry with { PerSeed = [seed with { Proxies = Auroc(0.2) }, seed with { Seed = seed.Seed + 1, Proxies = Auroc(0.5) }] };

        var points = GroupSection.ProxyPoints([twoSeeds], "auroc");

        // (0.2 + 0.5) / 2 = 0.35, against the entry's (seed-averaged) efficiency score as the leaderboard holds it.
        var point = Assert.Single(points);
        Assert.Equal(0.35, point.Proxy, 12);
        Assert.Equal(entry.Efficiency.Score, point.Score);
        var chart = SvgChart.Render(SettingCharts.ProxyScatter("auroc", group.ProxyCorrelation["auroc"], points));
        Assert.Contains($"data-tip=\"{Html.E(ReportText.Method(entry))}: 0.35, {entry.Efficiency.Score.ToString("F4", CultureInfo.InvariantCulture)}\"", chart, StringComparison.Ordinal);
    }
}
