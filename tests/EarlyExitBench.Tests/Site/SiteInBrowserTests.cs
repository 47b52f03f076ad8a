using EarlyExitBench.Tests.Support;
using PuppeteerSharp;
using SkiaSharp;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Site;

/// <summary>
/// The site of <c>eebench site</c> in Debian's headless chromium (<see cref="SiteBrowser"/>), asserted on the page, not
/// its file: every page loads with no console error and no request outside the site; a ranking table sorts by
/// efficiency (the rows' order checked against their <c>data-value</c> numbers); a filter hides rows; hovering a chart
/// point shows its value in <c>#eeb-tip</c>. Screenshots of the index, a setting page and a method page are written to
/// <c>artifacts/test-results/site-screenshots/</c> (git-ignored, overwritten each run) and their paths printed.
/// </summary>
[Collection("Console")]
public class SiteInBrowserTests(ITestOutputHelper output)
{
    /// <summary>Where the screenshots go: part of the test output, kept out of git.</summary>
    public static readonly string Screenshots = Path.Combine(TestPaths.RepoRoot, "artifacts", "test-results", "site-screenshots");

    private const int MaxScreenshotHeight = 2400;

    [ChromiumFact]
    public async Task EveryPageLoadsWithNoConsoleErrorAndNoRequestOutsideTheSite()
    {
        var site = BrowsedSite.Folder;
        var pages = Directory.GetFiles(site, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(Path.Combine(site, "index.html"), pages);
        Assert.Contains(pages, p => p.StartsWith(Path.Combine(site, "settings") + "/", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.StartsWith(Path.Combine(site, "methods") + "/", StringComparison.Ordinal));

        await using var browser = await SiteBrowser.StartAsync(site);
        foreach (var page in pages)
        {
            await browser.OpenAsync(page);
            var links = await browser.EvalAsync<int>("document.querySelectorAll('a[href]').length");
            output.WriteLine($"ok  {Path.GetRelativePath(site, page),-48} {new FileInfo(page).Length,10:N0} bytes  {browser.Requests.Count} request(s), {links} link(s)");
            Assert.True(browser.Errors.Count == 0, $"{page}: {string.Join("\n", browser.Errors)}");
            Assert.True(browser.Blocked.Count == 0, $"{page}: requested {string.Join(", ", browser.Blocked)}");
        }

        output.WriteLine($"{pages.Count} pages; site {Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length):N0} bytes in all");
    }

    [ChromiumFact]
    public async Task SortingARankingByEfficiencyReordersItsRowsByTheirValues()
    {
        await using var browser = await SiteBrowser.StartAsync(BrowsedSite.Folder);
        output.WriteLine("page: " + Path.GetRelativePath(BrowsedSite.Folder, await SettingPageWithDistinctEfficiencies(browser)));
        await PageChecks.SortsByEfficiency(browser, output.WriteLine);
    }

    [ChromiumFact]
    public async Task AFilterHidesTheRowsThatDoNotMatchAndShowsThemAgainWhenCleared()
    {
        await using var browser = await SiteBrowser.StartAsync(BrowsedSite.Folder);
        output.WriteLine("page: " + Path.GetRelativePath(BrowsedSite.Folder, await SettingPageWithDistinctEfficiencies(browser)));
        await PageChecks.FilterHidesRows(browser, "temperature", output.WriteLine); // the tiny suite's calibrators: identity and temperature
    }

    [ChromiumFact]
    public async Task HoveringAChartPointShowsItsValueInTheTip()
    {
        await using var browser = await SiteBrowser.StartAsync(BrowsedSite.Folder);
        output.WriteLine("page: " + Path.GetRelativePath(BrowsedSite.Folder, await SettingPageWithDistinctEfficiencies(browser)));
        await PageChecks.HoverShowsTip(browser, output.WriteLine);
    }

    [ChromiumFact]
    public async Task ScreenshotsOfTheIndexASettingPageAndAMethodPage()
    {
        var site = BrowsedSite.Folder;
        Directory.CreateDirectory(Screenshots);
        await using var browser = await SiteBrowser.StartAsync(site);
        var shots = new[]
        {
            ("index", Path.Combine(site, "index.html")),
            ("setting", await SettingPageWithDistinctEfficiencies(browser)),
            ("method", Directory.GetFiles(Path.Combine(site, "methods"), "*.html").Order(StringComparer.Ordinal).First()),
        };
        foreach (var (name, page) in shots)
        {
            // The page's own height, measured in the default window (the last page's taller one would pad a short page).
            await browser.Page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
            await browser.OpenAsync(page);
            var height = Math.Min(MaxScreenshotHeight, await browser.EvalAsync<int>("Math.ceil(document.documentElement.scrollHeight)"));
            await browser.Page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = height });
            var file = Path.Combine(Screenshots, name + ".png");
            await browser.Page.ScreenshotAsync(file, new ScreenshotOptions { Type = ScreenshotType.Png });
            using var bitmap = SKBitmap.Decode(file);
            var ink = Ink(bitmap);
            output.WriteLine($"screenshot {file}: {Path.GetRelativePath(site, page)}, {bitmap.Width}×{bitmap.Height}, {new FileInfo(file).Length:N0} bytes, {ink:P0} ink");
            Assert.Equal((1280, height), (bitmap.Width, bitmap.Height));
            Assert.InRange(new FileInfo(file).Length, 1, 3 << 20);
            Assert.InRange(ink, 0.01, 1.0);
            Assert.Empty(browser.Errors);
        }
    }

    /// <summary>
    /// Opens the first setting page with a ranking table <see cref="PageChecks.MarkRankingTable"/> accepts (and marks it);
    /// returns its path.
    /// </summary>
    private static async Task<string> SettingPageWithDistinctEfficiencies(SiteBrowser browser)
    {
        foreach (var page in Directory.GetFiles(Path.Combine(BrowsedSite.Folder, "settings"), "*.html").Order(StringComparer.Ordinal))
        {
            await browser.OpenAsync(page);
            if (await PageChecks.MarkRankingTable(browser))
            {
                return page;
            }
        }

        throw new Xunit.Sdk.XunitException("no setting page has a sortable table (table.eeb-table[data-sortable]) with th[data-key=efficiency] and two distinct data-values");
    }

    /// <summary>Share of pixels that are not (near) white.</summary>
    private static double Ink(SKBitmap bitmap)
    {
        long ink = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                ink += c.Red < 240 || c.Green < 240 || c.Blue < 240 ? 1 : 0;
            }
        }

        return ink / ((bitmap.Height + 1) / 2 * (double)((bitmap.Width + 1) / 2));
    }
}
