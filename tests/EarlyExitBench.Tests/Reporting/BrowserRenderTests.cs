using System.Globalization;
using System.Text.RegularExpressions;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Reporting;
using EarlyExitBench.Tests.Support;
using SkiaSharp;

namespace EarlyExitBench.Tests.Reporting;

/// <summary>
/// The HTML report in a real browser: Debian's headless Chromium loads it from disk, and the page must draw every chart
/// (SVG, each with points to hover), run its script (the tables become sortable), log nothing to the console, paint a
/// screenshot that is not blank, and fit a phone's width. ./test.sh installs chromium for this test only; without it the
/// test fails and says so. Sorting, filtering and hovering are driven in the site's browser tests.
/// </summary>
[Collection("Console")]
public class BrowserRenderTests
{
    [Fact]
    public void EveryChartDrawsWithNoConsoleErrorsOnADesktopAndAPhone()
    {
        var dir = ToyBundle.Evaluate();
        var document = WithMeasurement(LeaderboardReader.Read(Path.Combine(dir, "leaderboard.json")));
        ReportWriter.Write(document, dir);
        var page = Path.Combine(dir, ReportWriter.HtmlFile);
        var html = File.ReadAllText(page);
        var charts = Regex.Matches(html, "<svg class=\"eeb-chart\"[^>]*aria-label=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(charts, c => c.EndsWith("accuracy against relative FLOPs for the 5 best methods", StringComparison.Ordinal));
        Assert.Contains(charts, c => c.StartsWith("Reliability diagram of exit 2", StringComparison.Ordinal));
        Assert.Contains(charts, c => c == "Risk–coverage curves of exit 2");
        Assert.Contains(charts, c => c == "auroc against the efficiency score");
        Assert.Contains(charts, c => c == "Accuracy against relative FLOPs and relative measured time");
        var tables = Regex.Matches(html, "<table class=\"eeb-table\" data-sortable").Count;
        Assert.True(tables >= 5, $"{tables} tables");

        var desktop = HeadlessChromium.Run(page, 1280, 900, "--dump-dom");
        Assert.True(desktop.Code == 0, desktop.ToString());
        Assert.Empty(HeadlessChromium.PageErrors(desktop.Err));
        var count = charts.Count.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(count, HeadlessChromium.BodyAttribute(desktop.Out, "data-charts"));
        Assert.Equal(count, HeadlessChromium.BodyAttribute(desktop.Out, "data-charts-drawn"));
        Assert.Equal(count, HeadlessChromium.BodyAttribute(desktop.Out, "data-charts-visible"));
        Assert.Equal(tables.ToString(CultureInfo.InvariantCulture), HeadlessChromium.BodyAttribute(desktop.Out, "data-tables"));

        // The vendored sorter ran: it marks every header of every sortable table as a column header.
        var headers = Regex.Matches(html, "<th data-key=").Count;
        Assert.Equal(headers, Regex.Matches(desktop.Out, "<th [^>]*role=\"columnheader\"").Count);

        // At a phone's width the page itself must not scroll sideways (wide tables scroll inside their own box, charts
        // shrink). 500 px is the narrowest window headless Chromium opens.
        var phone = HeadlessChromium.Run(page, 500, 900, "--dump-dom");
        Assert.True(phone.Code == 0, phone.ToString());
        Assert.Empty(HeadlessChromium.PageErrors(phone.Err));
        Assert.Equal(count, HeadlessChromium.BodyAttribute(phone.Out, "data-charts-visible"));
        Assert.Equal("500", HeadlessChromium.BodyAttribute(phone.Out, "data-viewport-width"));
        Assert.Equal("500", HeadlessChromium.BodyAttribute(phone.Out, "data-page-width"));

        var screenshot = Path.Combine(dir, "screenshot.png");
        var shot = HeadlessChromium.Run(page, 1280, 2000, $"--screenshot={screenshot}");
        Assert.True(shot.Code == 0, shot.ToString());
        Assert.Empty(HeadlessChromium.PageErrors(shot.Err));
        using var bitmap = SKBitmap.Decode(screenshot);
        Assert.Equal((1280, 2000), (bitmap.Width, bitmap.Height));
        Assert.InRange(Ink(bitmap, 0, 2000), 0.02, 1.0);

        // The first chart (the Pareto fronts) sits in the top 1000 pixels: they must hold its lines, not just text on white.
        Assert.InRange(Ink(bitmap, 0, 1000), 0.02, 1.0);
    }

    [Fact]
    public void AHeaderClickSortsByTheRawValuesAFilterHidesRowsAndAHoverShowsTheValue()
    {
        var dir = ToyBundle.Evaluate();
        var document = LeaderboardReader.Read(Path.Combine(dir, "leaderboard.json"));
        ReportWriter.Write(document, dir);
        var page = Path.Combine(dir, "probed.html");

        // The report with a probe that acts as a reader would (clicks, types, hovers) once the page has loaded, and writes
        // what it saw on <body> for --dump-dom.
        File.WriteAllText(page, File.ReadAllText(Path.Combine(dir, ReportWriter.HtmlFile)).Replace("</body>", Probe + "</body>", StringComparison.Ordinal));
        var run = HeadlessChromium.Run(page, 1280, 900, "--dump-dom");
        Assert.True(run.Code == 0, run.ToString());
        Assert.Empty(HeadlessChromium.PageErrors(run.Err));
        string? Seen(string name) => HeadlessChromium.BodyAttribute(run.Out, "data-probe-" + name);

        // Efficiency: the first click sorts ascending by data-value (the ranking starts in descending order), the second descending.
        var entries = document.Groups[0].Entries;
        var scores = entries.Select(e => e.Efficiency.Score.ToString("R", CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(string.Join(' ', scores), Seen("before"));
        Assert.Equal("ascending", Seen("aria1"));
        Assert.Equal(string.Join(' ', entries.Select(e => e.Efficiency.Score).Order().Select(v => v.ToString("R", CultureInfo.InvariantCulture))), Seen("after1"));
        Assert.Equal("descending", Seen("aria2"));
        Assert.Equal(string.Join(' ', entries.Select(e => e.Efficiency.Score).OrderDescending().Select(v => v.ToString("R", CultureInfo.InvariantCulture))), Seen("after2"));

        // "temperature" in the filter box leaves exactly the rows whose calibrator it names; clearing it shows all again.
        Assert.Equal(entries.Count(e => e.Calibrator != "temperature").ToString(CultureInfo.InvariantCulture), Seen("hidden"));
        Assert.Equal("0", Seen("hidden-cleared"));

        // Hovering a point of a chart shows its data-tip in #eeb-tip; leaving it hides the tip again.
        Assert.Equal("shown", Seen("tip"));
        Assert.Equal(Seen("tip-want"), Seen("tip-text"));
        Assert.Contains(": ", Seen("tip-text"), StringComparison.Ordinal);
        Assert.Equal("hidden", Seen("tip-after"));
    }

    private const string Probe = """
        <script>
        window.addEventListener('load', function () {
          var body = document.body, t = document.getElementById('group-1-ranking-table');
          var th = t.querySelector('th[data-key="efficiency"]'), col = th.cellIndex;
          function seen(name, value) { body.setAttribute('data-probe-' + name, String(value)); }
          function values() { return Array.prototype.map.call(t.tBodies[0].rows, function (r) { return r.cells[col].getAttribute('data-value'); }).join(' '); }
          seen('before', values());
          th.click(); seen('aria1', th.getAttribute('aria-sort')); seen('after1', values());
          th.click(); seen('aria2', th.getAttribute('aria-sort')); seen('after2', values());
          var box = document.querySelector('input.eeb-filter[data-table="group-1-ranking-table"]');
          box.value = 'temperature'; box.dispatchEvent(new Event('input'));
          seen('hidden', t.querySelectorAll('tbody tr[hidden]').length);
          box.value = ''; box.dispatchEvent(new Event('input'));
          seen('hidden-cleared', t.querySelectorAll('tbody tr[hidden]').length);
          var point = document.querySelector('svg.eeb-chart [data-tip]'), box2 = point.getBoundingClientRect(), tip = document.getElementById('eeb-tip');
          point.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, clientX: box2.x + 1, clientY: box2.y + 1 }));
          seen('tip', !tip.hidden && tip.getBoundingClientRect().width > 0 ? 'shown' : 'not shown');
          seen('tip-text', tip.textContent); seen('tip-want', point.getAttribute('data-tip'));
          point.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
          seen('tip-after', tip.hidden ? 'hidden' : 'shown');
        });
        </script>

        """;

    /// <summary>Share of pixels in rows [<paramref name="from"/>, <paramref name="to"/>) that are not (near) white.</summary>
    private static double Ink(SKBitmap bitmap, int from, int to)
    {
        long ink = 0;
        for (var y = from; y < to; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                ink += c.Red < 240 || c.Green < 240 || c.Blue < 240 ? 1 : 0;
            }
        }

        return (double)ink / ((to - from) * (long)bitmap.Width);
    }

    /// <summary>The toy leaderboard plus one measured cell, so the time chart and tables are rendered too (their numbers are made up).</summary>
    private static LeaderboardDocument WithMeasurement(LeaderboardDocument document)
    {
        var group = document.Groups[0];
        TimingStats Stats(double ms) => new(ms, ms * 0.98, ms * 1.02, ms * 0.04, 0.04, 20, 1, true);
        var measurement = new CellMeasurement(
            "cpu",
            2,
            256,
            "warm-up, then repeats until IQR/median ≤ 5%",
            new MeasurementSettings(3, 5, 200, 0.05, 3, 5, [1, 64], 512),
            [
                new ExitLatency(1, 1, 1 / 3.0, 0.45, 0.20, Stats(0.20)), new ExitLatency(2, 1, 1.0, 1.0, 0.44, Stats(0.44)),
                new ExitLatency(1, 64, 1 / 3.0, 0.40, 0.05, Stats(3.2)), new ExitLatency(2, 64, 1.0, 1.0, 0.12, Stats(7.7)),
            ],
            [new FullNetworkTiming(1, 0.45, Stats(115)), new FullNetworkTiming(64, 0.12, Stats(31))],
            [
                new ThresholdMeasurement("flops_50", 0.6, 1, 0.5, 0.52, 0.74, [120, 136], 0.30, 0.66, 0.03, 0.71, Stats(77)),
                new ThresholdMeasurement("flops_50", 0.6, 64, 0.5, 0.52, 0.74, [120, 136], 0.09, 0.75, 0.04, 0.52, Stats(23)),
            ]);
        var record = new MeasurementRecord($"{group.Dataset}/{group.Architecture}/bundle", group.Entries[0].Calibrator, group.Entries[0].FailurePredictor, measurement);
        return document with { Timing = document.Timing with { Measurements = [record] } };
    }
}
