using System.Net;
using System.Net.Sockets;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Reporting;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Tests.Support;
using Mono.Cecil;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Site;

/// <summary>
/// The browser harness the site tests stand on (<see cref="SiteBrowser"/>): it must see and stop what the site tests
/// assert never happens (a request to a network, a file outside the site, a console error, an uncaught exception), drive
/// Debian's chromium, and never download a browser.
/// </summary>
[Collection("Console")]
public class SiteBrowserTests(ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task ANetworkRequestAFileOutsideTheSiteAConsoleErrorAndAnUncaughtExceptionAreAllCaught()
    {
        var dir = TestPaths.TempDirectory();
        var site = Directory.CreateDirectory(Path.Combine(dir, "site")).FullName;
        File.WriteAllText(Path.Combine(dir, "outside.css"), "body { color: red; }");
        File.WriteAllText(Path.Combine(site, "inside.css"), "body { margin: 0; }");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var page = Path.Combine(site, "planted.html");
        File.WriteAllText(page, $$"""
            <!DOCTYPE html><html><head><meta charset="utf-8">
            <link rel="stylesheet" href="inside.css"><link rel="stylesheet" href="../outside.css">
            </head><body>
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">
            <img src="http://127.0.0.1:{{port}}/pixel.png" alt="">
            <script>console.error('planted console error'); fetch('http://127.0.0.1:{{port}}/data.json').catch(() => {});</script>
            <script>throw new Error('planted uncaught');</script>
            </body></html>
            """);

        await using var browser = await SiteBrowser.StartAsync(site);
        await browser.OpenAsync(page);
        await Task.Delay(500); // the fetch is sent after load

        output.WriteLine("blocked:\n  " + string.Join("\n  ", browser.Blocked) + "\nerrors:\n  " + string.Join("\n  ", browser.Errors));
        Assert.Contains($"http://127.0.0.1:{port}/pixel.png", browser.Blocked);
        Assert.Contains($"http://127.0.0.1:{port}/data.json", browser.Blocked);
        Assert.Contains(new Uri(Path.Combine(dir, "outside.css")).AbsoluteUri, browser.Blocked);
        Assert.DoesNotContain(new Uri(Path.Combine(site, "inside.css")).AbsoluteUri, browser.Blocked);
        Assert.Contains(new Uri(Path.Combine(site, "inside.css")).AbsoluteUri, browser.Requests);
        Assert.Equal(3, browser.Blocked.Count);
        Assert.Contains(browser.Errors, e => e.StartsWith("console.error: planted console error", StringComparison.Ordinal));
        Assert.Contains(browser.Errors, e => e.StartsWith("uncaught: ", StringComparison.Ordinal) && e.Contains("planted uncaught", StringComparison.Ordinal));
        Assert.False(listener.Pending(), "a request reached the loopback port: it was not stopped in the browser");

        // A clean page in the same session: the lists start empty for it.
        var clean = Path.Combine(site, "clean.html");
        File.WriteAllText(clean, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\"inside.css\"></head><body><p>ok</p></body></html>");
        await browser.OpenAsync(clean);
        Assert.Empty(browser.Blocked);
        Assert.Empty(browser.Errors);
        Assert.Equal("ok", await browser.EvalAsync<string>("document.querySelector('p').textContent"));
    }

    [ChromiumFact]
    public async Task TheBrowserIsDebiansChromiumAndNothingInTheTestsCanDownloadOne()
    {
        // No code of the tests names PuppeteerSharp's downloader (or its install cache), so none can fetch a browser.
        using var assembly = AssemblyDefinition.ReadAssembly(typeof(SiteBrowser).Assembly.Location);
        var downloaders = assembly.MainModule.Types
            .SelectMany(t => Architecture.IlReferences.Of(t).Select(r => (Type: t.FullName, Ref: r.FullName)))
            .Where(r => r.Ref.StartsWith("PuppeteerSharp.BrowserFetcher", StringComparison.Ordinal)
                || r.Ref.StartsWith("PuppeteerSharp.IBrowserFetcher", StringComparison.Ordinal)
                || r.Ref.StartsWith("PuppeteerSharp.BrowserData.", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.True(downloaders.Count == 0, "uses PuppeteerSharp's browser download: " + string.Join(", ", downloaders));

        var before = DownloadFolders();
        await using (var browser = await SiteBrowser.StartAsync())
        {
            var process = browser.Process;
            Assert.NotNull(process);
            Assert.Equal(SiteBrowser.Executable, process.StartInfo.FileName);
            var version = await browser.Page.Browser.GetVersionAsync();
            output.WriteLine($"{SiteBrowser.Executable} (pid {process.Id}): {version}");
            Assert.Contains("--headless", process.StartInfo.Arguments, StringComparison.Ordinal);

            // The version DevTools reports is the Debian package's (chromium --version: "Chromium N.N.N.N built on Debian …").
            var package = ChildProcess.Run(ChildProcess.StartInfo(SiteBrowser.Executable, ["--version"]), TimeSpan.FromMinutes(1));
            output.WriteLine($"{SiteBrowser.Executable} --version: {package.Out.Trim()}");
            var number = System.Text.RegularExpressions.Regex.Match(version, @"^(Headless)?Chrome/(?<n>[\d.]+)$").Groups["n"].Value;
            Assert.NotEmpty(number);
            Assert.Contains($"Chromium {number} ", package.Out, StringComparison.Ordinal);
        }

        Assert.Equal(before, DownloadFolders());
    }

    [ChromiumFact]
    public async Task TheHtmlReportOfARunLoadsCleanlySortsFiltersAndShowsTips()
    {
        var dir = ToyBundle.Evaluate();
        ReportWriter.Write(LeaderboardReader.Read(Path.Combine(dir, "leaderboard.json")), dir);

        await using var browser = await SiteBrowser.StartAsync(dir);
        await browser.OpenAsync(Path.Combine(dir, ReportWriter.HtmlFile));

        output.WriteLine($"{browser.Requests.Count} request(s): {string.Join(", ", browser.Requests.Select(r => r.Length > 60 ? r[..60] + "…" : r))}");
        Assert.Empty(browser.Errors);
        Assert.Empty(browser.Blocked);

        // The report is made of the site's components (one renderer): its ranking sorts, filters and its charts show tips.
        Assert.True(await PageChecks.MarkRankingTable(browser), "report.html has no sortable ranking with an efficiency column");
        await PageChecks.SortsByEfficiency(browser, output.WriteLine);
        await browser.OpenAsync(Path.Combine(dir, ReportWriter.HtmlFile));
        Assert.True(await PageChecks.MarkRankingTable(browser));
        await PageChecks.FilterHidesRows(browser, "temperature", output.WriteLine); // ToyBundle's calibrators: identity, temperature, isotonic
        await browser.OpenAsync(Path.Combine(dir, ReportWriter.HtmlFile));
        await PageChecks.HoverShowsTip(browser, output.WriteLine);
    }

    [ChromiumFact]
    public async Task ThePageChecksPassOnAPageThatKeepsTheHooksAndFailOnPagesThatBreakThem()
    {
        var site = TestPaths.TempDirectory();
        var variants = new[] { "right", "sort-by-text", "sort-ignored", "filter-by-display", "filter-ignored", "tip-without-text", "tip-never-shown" };
        foreach (var variant in variants)
        {
            File.WriteAllText(Path.Combine(site, variant + ".html"), FixturePage(variant));
        }

        await using var browser = await SiteBrowser.StartAsync(site);
        var failures = new Dictionary<string, List<string>>();
        foreach (var variant in variants)
        {
            var failed = new List<string>();
            foreach (var (check, run) in new (string, Func<Task>)[]
            {
                ("sort", () => PageChecks.SortsByEfficiency(browser, _ => { })),
                ("filter", () => PageChecks.FilterHidesRows(browser, "temperature", _ => { })),
                ("tip", () => PageChecks.HoverShowsTip(browser, _ => { })),
            })
            {
                await browser.OpenAsync(Path.Combine(site, variant + ".html"));
                Assert.True(await PageChecks.MarkRankingTable(browser));
                try
                {
                    await run();
                }
                catch (Xunit.Sdk.XunitException e)
                {
                    failed.Add(check);
                    output.WriteLine($"{variant,-18} {check,-6} fails: {e.Message.Split('\n')[0]}");
                }
            }

            failures[variant] = failed;
            Assert.Empty(browser.Errors);
        }

        Assert.Empty(failures["right"]);
        Assert.Equal(["sort"], failures["sort-by-text"]);
        Assert.Equal(["sort"], failures["sort-ignored"]);
        Assert.Equal(["filter"], failures["filter-by-display"]);
        Assert.Equal(["filter"], failures["filter-ignored"]);
        Assert.Equal(["tip"], failures["tip-without-text"]);
        Assert.Equal(["tip"], failures["tip-never-shown"]);

        // A page with no ranking to sort is not taken for one.
        File.WriteAllText(Path.Combine(site, "bare.html"), "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><table class=\"eeb-table\"><tbody><tr><td>1</td></tr></tbody></table></body></html>");
        await browser.OpenAsync(Path.Combine(site, "bare.html"));
        Assert.False(await PageChecks.MarkRankingTable(browser));
    }

    /// <summary>
    /// A hand-written page with the DOM hooks of SITE-DESIGN.md and a few lines of script that implement them (sort by
    /// <c>data-value</c>, filter with <c>hidden</c>, one <c>#eeb-tip</c> on hover), or, per <paramref name="variant"/>, get
    /// one of them wrong. The efficiencies sort differently as numbers and as text (0.9, 10.5, 0.12, 2).
    /// </summary>
    private static string FixturePage(string variant) => $$"""
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>{{variant}}</title>
        <style>#eeb-tip { position: absolute; background: #ffe; border: 1px solid #999; padding: 2px 4px; } svg { border: 1px solid #ccc; }</style>
        </head><body>
        <input class="eeb-filter" data-table="ranking" placeholder="filter">
        <table class="eeb-table" data-sortable id="ranking">
        <thead><tr><th data-key="method">method</th><th data-key="efficiency">efficiency</th></tr></thead>
        <tbody>
        <tr><td>temperature + msp</td><td data-value="0.9">0.90</td></tr>
        <tr><td>identity + msp</td><td data-value="10.5">10.50</td></tr>
        <tr><td>temperature + margin</td><td data-value="0.12">0.12</td></tr>
        <tr><td>identity + margin</td><td data-value="2">2.00</td></tr>
        </tbody></table>
        <svg class="eeb-chart" width="240" height="120" viewBox="0 0 240 120">
        <circle cx="40" cy="40" r="8" data-tip="temperature + msp: 0.9, 0.5"></circle>
        <circle cx="160" cy="80" r="8" data-tip="identity + msp: 10.5, 0.25"></circle>
        </svg>
        <div id="eeb-tip" hidden></div>
        <script>
        const variant = '{{variant}}';
        for (const th of document.querySelectorAll('table.eeb-table[data-sortable] th[data-key]')) {
          th.addEventListener('click', () => {
            const table = th.closest('table'), body = table.tBodies[0], i = th.cellIndex;
            const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
            for (const h of table.querySelectorAll('th')) h.removeAttribute('aria-sort');
            th.setAttribute('aria-sort', dir);
            if (variant === 'sort-ignored') return;
            const key = r => variant === 'sort-by-text' || r.cells[i].dataset.value === undefined ? r.cells[i].textContent : parseFloat(r.cells[i].dataset.value);
            const rows = Array.from(body.rows).sort((a, b) => { const x = key(a), y = key(b); return (x < y ? -1 : x > y ? 1 : 0) * (dir === 'ascending' ? 1 : -1); });
            for (const r of rows) body.appendChild(r);
          });
        }
        for (const box of document.querySelectorAll('input.eeb-filter')) {
          box.addEventListener('input', () => {
            if (variant === 'filter-ignored') return;
            const needle = box.value.toLowerCase();
            for (const r of document.getElementById(box.dataset.table).tBodies[0].rows) {
              const hide = needle !== '' && !r.textContent.toLowerCase().includes(needle);
              if (variant === 'filter-by-display') r.style.display = hide ? 'none' : ''; else r.hidden = hide;
            }
          });
        }
        const tip = document.getElementById('eeb-tip');
        for (const p of document.querySelectorAll('svg.eeb-chart [data-tip]')) {
          p.addEventListener('mouseenter', e => {
            if (variant === 'tip-never-shown') return;
            tip.textContent = variant === 'tip-without-text' ? 'point' : p.dataset.tip;
            tip.style.left = (e.pageX + 8) + 'px'; tip.style.top = (e.pageY + 8) + 'px'; tip.hidden = false;
          });
          p.addEventListener('mouseleave', () => { tip.hidden = true; });
        }
        </script>
        </body></html>
        """;

    /// <summary>Folders PuppeteerSharp's downloader would create next to the tests (its default install paths).</summary>
    private static string[] DownloadFolders() =>
        [.. new[] { "Chrome", "chrome", "Chromium", ".local-chromium", ".local-browsers", "chrome-headless-shell" }
            .Select(n => Path.Combine(AppContext.BaseDirectory, n))
            .Where(Directory.Exists)];
}
