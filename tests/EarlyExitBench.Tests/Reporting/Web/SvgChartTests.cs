using System.Globalization;
using System.Text.RegularExpressions;
using EarlyExitBench.Harness.Reporting.Web;

namespace EarlyExitBench.Tests.Reporting.Web;

/// <summary>A chart's SVG: every point where its values say, with its tip; the hooks the browser tests use.</summary>
public class SvgChartTests
{
    // 360 × 320 with margins 54 left, 14 right, 30 top, 42 bottom: x in [54, 346], y in [278, 30].
    private static readonly Chart Chart = new(
        "a <title>",
        "alt & text",
        new ChartAxis("x", 0, 1),
        new ChartAxis("y", 0, 1),
        [
            new ChartSeries("m1", [new ChartPoint(0.25, 0.25, "m1: 0.25, 0.25"), new ChartPoint(0.5, 0.75, "m1: 0.5, 0.75")], SeriesStyle.Line, 0),
            new ChartSeries("ref", [new ChartPoint(0, 0, null), new ChartPoint(1, 1, null)], SeriesStyle.Line, ChartSeries.Gray, Dashed: true),
            new ChartSeries("sq", [new ChartPoint(1, 0.5, "exit 2: 1, 0.5")], SeriesStyle.Markers, ChartSeries.Black, MarkerShape.Square),
        ],
        "how to read it")
    {
        Bars = [new ChartBar(0, 0.5, 10, "10 predictions", 0)],
        BarScale = 40,
    };

    [Fact]
    public void AWholeAxisTicksOnlyWholeNumbers()
    {
        // A rank distribution: two rankings at most. A plain axis from 0 to 2 ticks every 0.5; a count has no half.
        static List<string> YLabels(ChartAxis y) =>
            Regex.Match(SvgChart.Render(new Chart("ranks", "ranks", new ChartAxis("rank", 0.5, 4.5) { Whole = true }, y, [])), "<g class=\"ty\">(.*?)</g>")
                .Groups[1].Value.Split("</text>", StringSplitOptions.RemoveEmptyEntries).Select(t => t[(t.LastIndexOf('>') + 1)..]).ToList();

        Assert.Equal(["0.0", "0.5", "1.0", "1.5", "2.0"], YLabels(new ChartAxis("rankings", 0, 2)));
        Assert.Equal(["0", "1", "2"], YLabels(new ChartAxis("rankings", 0, 2) { Whole = true }));
    }

    [Fact]
    public void PointsSitWhereTheirValuesSayWithTheirTips()
    {
        var html = SvgChart.Render(Chart);

        Assert.Matches("<svg class=\"eeb-chart\" viewBox=\"0 0 360 320\"", html);
        var circles = Regex.Matches(html, "<circle class=\"m s0\" cx=\"([0-9.]+)\" cy=\"([0-9.]+)\" r=\"3.5\" data-tip=\"([^\"]+)\"/>")
            .Select(m => (X: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Y: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), Tip: m.Groups[3].Value))
            .ToList();

        // 0.25 → 54 + 73 = 127, y 278 − 62 = 216; 0.5 → 200, y 0.75 → 278 − 186 = 92.
        Assert.Equal([(127.0, 216.0, "m1: 0.25, 0.25"), (200.0, 92.0, "m1: 0.5, 0.75")], circles);

        // The square is centred on (346, 154): its corner is 4 px up and left.
        Assert.Contains("<rect class=\"m s10\" x=\"342\" y=\"150\" width=\"8\" height=\"8\" data-tip=\"exit 2: 1, 0.5\"/>", html, StringComparison.Ordinal);

        // The line through m1's points, and the reference line with no markers at all.
        Assert.Contains("<path class=\"l s0\" d=\"M127,216L200,92\"/>", html, StringComparison.Ordinal);
        Assert.Contains("<path class=\"l d s12\" d=\"M54,278L346,30\"/>", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Matches(html, "data-tip=").Count);

        // The bar: 10 of 40 fills a quarter of the 248 px plot height, from x 54 to 200.
        Assert.Contains("<rect class=\"b s0\" x=\"54\" y=\"216\" width=\"146\" height=\"62\" data-tip=\"10 predictions\"/>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TextIsEscapedAndTheLegendNamesEverySeries()
    {
        var html = SvgChart.Render(Chart);

        Assert.Contains("aria-label=\"alt &amp; text\"", html, StringComparison.Ordinal);
        Assert.Contains(">a &lt;title&gt;</text>", html, StringComparison.Ordinal);
        Assert.Equal(["m1", "ref", "sq"], Regex.Matches(html, "<li><i class=\"sw [^\"]+\"></i>([^<]+)</li>").Select(m => m.Groups[1].Value));
        Assert.Contains("<figcaption>how to read it</figcaption>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void StepsAreDrawnThroughTheirCorners()
    {
        var chart = Chart with { Series = [new ChartSeries("front", [new ChartPoint(0.25, 0.25, "a"), new ChartPoint(0.5, 0.75, "b")], SeriesStyle.Steps, 1)], Bars = [] };

        // (0.25, 0.25) → (0.5, 0.25) → (0.5, 0.75) → (1, 0.75): x 127, 200, 200, 346; y 216, 216, 92, 92.
        Assert.Contains("d=\"M127,216L200,216L200,92L346,92\"", SvgChart.Render(chart), StringComparison.Ordinal);
    }
}
