using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EarlyExitBench.Harness.Reporting.Web;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Reporting.Web;

/// <summary>
/// The whole <c>report.html</c> read by an HTML5 parser (AngleSharp, strict: any parse error fails), not by regexes: it
/// is well-formed, carries every hook of SITE-DESIGN.md, its ranking cells hold the leaderboard's numbers, and every
/// chart marker sits where the chart's own axis labels put its hover values.
/// </summary>
[Collection("Console")]
public class ReportPageDomTests
{
    private static readonly Lazy<LeaderboardDocument> Toy = new(() => LeaderboardReader.Read(Path.Combine(ToyBundle.Evaluate(), "leaderboard.json")));

    [Fact]
    public void ThePageParsesWithoutAnErrorAndCarriesEveryHook()
    {
        var document = Toy.Value;
        var html = ReportPage.Render(document);

        var dom = Parse(html);

        Assert.Equal(document.Groups.Count, dom.QuerySelectorAll("section.eeb-setting").Length);
        var ids = dom.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());

        // One tooltip element, hidden until a hover.
        var tip = Assert.Single(dom.QuerySelectorAll("#eeb-tip"));
        Assert.True(tip.HasAttribute("hidden"));

        // Tables: sortable, every header keyed (once per table), every number's raw value readable back as a double.
        var tables = dom.QuerySelectorAll("table.eeb-table");
        Assert.True(tables.Length >= 5, $"{tables.Length} tables");
        foreach (var table in tables)
        {
            Assert.True(table.HasAttribute("data-sortable"), table.Id);
            var keys = table.QuerySelectorAll("thead th").Select(th => th.GetAttribute("data-key")).ToList();
            Assert.All(keys, k => Assert.False(string.IsNullOrEmpty(k), table.Id));
            Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
            foreach (var row in table.QuerySelectorAll("tbody tr"))
            {
                Assert.Equal(keys.Count, row.Children.Length);
            }
        }

        Assert.All(dom.QuerySelectorAll("td[data-value]"), td => Assert.True(double.TryParse(td.GetAttribute("data-value"), NumberStyles.Float, CultureInfo.InvariantCulture, out _), td.OuterHtml));

        // Each filter box names a table of the page; each ranking has one.
        var filters = dom.QuerySelectorAll("input.eeb-filter");
        Assert.Equal(document.Groups.Count, filters.Length);
        Assert.All(filters, f => Assert.Equal("TABLE", dom.GetElementById(f.GetAttribute("data-table")!)?.TagName));

        // Charts: every one has something to hover.
        var charts = dom.QuerySelectorAll("svg.eeb-chart");
        Assert.NotEmpty(charts);
        Assert.All(charts, c => Assert.NotEmpty(c.QuerySelectorAll("[data-tip]")));

        // The same leaderboard gives the same bytes.
        Assert.Equal(html, ReportPage.Render(document));
    }

    [Fact]
    public void RankingCellsHoldTheLeaderboardsNumbers()
    {
        var document = Toy.Value;
        var dom = Parse(ReportPage.Render(document));

        foreach (var (group, g) in document.Groups.Select((x, i) => (x, i)))
        {
            var table = dom.GetElementById($"group-{g + 1}-ranking-table")!;
            var keys = table.QuerySelectorAll("thead th").Select(th => th.GetAttribute("data-key")!).ToList();
            var rows = table.QuerySelectorAll("tbody tr").ToList();
            Assert.Equal(group.Entries.Count, rows.Count);
            foreach (var (entry, row) in group.Entries.Zip(rows))
            {
                double? Value(string key) => row.Children[keys.IndexOf(key)].GetAttribute("data-value") is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : null;
                Assert.Equal(entry.Rank, Value("rank"));
                Assert.Equal(entry.Efficiency.Score, Value("efficiency"));
                Assert.Equal(entry.Efficiency.ScoreCi![0], Value("efficiency-ci"));
                Assert.Equal(entry.Efficiency.Deployable?.Score, Value("deployable"));
                Assert.Equal(entry.Efficiency.AccuracyAtBudget["0.5"], Value("acc-50"));
                Assert.Equal(entry.PerExit[^1].Ece, Value("last-exit-ece"));

                // Mean AUROC over exits, summed here in exit order.
                var aurocs = entry.PerExit.Select(x => x.Auroc).OfType<double>().ToList();
                Assert.Equal(aurocs.Sum() / aurocs.Count, Value("mean-auroc")!.Value, 15);
                Assert.Equal(entry.Calibrator, row.Children[keys.IndexOf("calibrator")].TextContent);
                Assert.Equal(entry.Efficiency.TiedWithLeader == true, row.ClassList.Contains("marked"));
            }
        }
    }

    [Fact]
    public void EveryMarkerSitsWhereTheAxisLabelsPutItsValues()
    {
        var dom = Parse(ReportPage.Render(Toy.Value));
        var checkedMarkers = 0;

        foreach (var chart in dom.QuerySelectorAll("svg.eeb-chart"))
        {
            // The pixel ↔ value map of each axis, from its first and last tick label (exact multiples of the step).
            var x = Axis(chart.QuerySelectorAll("g.tx text"), "x", 0);
            var y = Axis(chart.QuerySelectorAll("g.ty text"), "y", -4);
            foreach (var marker in chart.QuerySelectorAll(".m[data-tip]"))
            {
                var tip = marker.GetAttribute("data-tip")!;
                var values = tip[(tip.LastIndexOf(": ", StringComparison.Ordinal) + 2)..].Split(", ").Select(s => s.Trim('[', ']')).ToList();
                var (cx, cy) = Centre(marker);
                Assert.True(Near(x, values[0], cx), $"{chart.GetAttribute("aria-label")}: {tip} drawn at x {cx}");
                if (y is not null)
                {
                    Assert.True(Near(y, values[1], cy), $"{chart.GetAttribute("aria-label")}: {tip} drawn at y {cy}");
                }

                checkedMarkers++;
            }
        }

        Assert.True(checkedMarkers > 50, $"{checkedMarkers} markers");
    }

    [Fact]
    public void TheReportOfPaperQuickStaysUnderTwoMegabytes()
    {
        var published = Path.Combine(TestPaths.RepoRoot, "docs", "reproduction", "paper-quick", "leaderboard.json.gz");

        var html = ReportPage.Render(LeaderboardReader.Read(published));

        // Was 13–15 MB with every plot as an embedded PNG.
        var bytes = System.Text.Encoding.UTF8.GetByteCount(html);
        Assert.InRange(bytes, 200_000, 2_000_000);
        Parse(html);
    }

    private static IDocument Parse(string html) => new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(html);

    /// <summary>value → pixel from an axis's tick labels (the label's coordinate, less its offset from the tick); null when the labels are not numbers.</summary>
    private static (double Value0, double Pixel0, double PixelsPerUnit)? Axis(IHtmlCollection<IElement> labels, string attribute, double offset)
    {
        var ticks = labels.Select(l => (Ok: double.TryParse(l.TextContent, NumberStyles.Float, CultureInfo.InvariantCulture, out var v), Value: v, Pixel: Attr(l, attribute) + offset)).ToList();
        if (ticks.Count < 2 || !ticks.All(t => t.Ok))
        {
            return null;
        }

        var (first, last) = (ticks[0], ticks[^1]);
        return (first.Value, first.Pixel, (last.Pixel - first.Pixel) / (last.Value - first.Value));
    }

    /// <summary>Whether <paramref name="text"/> (a value as the tip prints it) maps to <paramref name="pixel"/>, within its printed precision and the 0.1 px of the coordinates.</summary>
    private static bool Near((double Value0, double Pixel0, double PixelsPerUnit)? axis, string text, double pixel)
    {
        var (v0, p0, scale) = axis!.Value;
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        var expected = p0 + ((value - v0) * scale);
        return Math.Abs(expected - pixel) <= (HalfLastDigit(text) * Math.Abs(scale)) + 0.15;
    }

    /// <summary>Half a unit of the last printed digit: 0.0005 for "0.812", 5e-7 for "1.234E-05".</summary>
    private static double HalfLastDigit(string text)
    {
        var e = text.IndexOfAny(['E', 'e']);
        var (mantissa, exponent) = e < 0 ? (text, 0) : (text[..e], int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture));
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : mantissa.Length - dot - 1;
        return 0.5 * Math.Pow(10, exponent - decimals);
    }

    /// <summary>The centre of a marker: a circle's (cx, cy), a square's corner + 4, a diamond's top vertex + 6 down.</summary>
    private static (double X, double Y) Centre(IElement marker)
    {
        switch (marker.LocalName)
        {
            case "circle":
                return (Attr(marker, "cx"), Attr(marker, "cy"));
            case "rect":
                return (Attr(marker, "x") + 4, Attr(marker, "y") + 4);
            default:
                var top = marker.GetAttribute("d")![1..].Split('l')[0].Split(',');
                return (double.Parse(top[0], CultureInfo.InvariantCulture), double.Parse(top[1], CultureInfo.InvariantCulture) + 6);
        }
    }

    private static double Attr(IElement element, string name) => double.Parse(element.GetAttribute(name)!, CultureInfo.InvariantCulture);
}
