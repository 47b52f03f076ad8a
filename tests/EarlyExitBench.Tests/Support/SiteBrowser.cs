using PuppeteerSharp;

namespace EarlyExitBench.Tests.Support;

/// <summary>
/// Debian's <c>/usr/bin/chromium</c>, headless, driven over DevTools with PuppeteerSharp, with a throw-away profile per
/// session. Every request the page makes is seen: one that is not <c>file:</c> or <c>data:</c> is failed (request
/// interception, and a proxy that is not there for anything interception misses) and listed in <see cref="Blocked"/>, as
/// is a <c>file:</c> outside the site's folder; console errors, uncaught exceptions and failed loads are listed in
/// <see cref="Errors"/>. Nothing here downloads a browser: PuppeteerSharp's <c>BrowserFetcher</c> is never used
/// (<c>SiteBrowserTests</c> checks the test assembly for it), and a missing chromium fails the test with the package to
/// install.
/// </summary>
internal sealed class SiteBrowser : IAsyncDisposable
{
    /// <summary>The only browser the tests drive: Debian's package (./test.sh installs it).</summary>
    public const string Executable = "/usr/bin/chromium";

    private readonly List<string> _errors = [];
    private readonly List<string> _blocked = [];
    private readonly List<string> _requests = [];
    private readonly string? _root;
    private readonly string _profile;
    private readonly IBrowser _browser;

    private SiteBrowser(IBrowser browser, IPage page, string profile, string? root)
    {
        _browser = browser;
        Page = page;
        _profile = profile;
        _root = root is null ? null : new Uri(Path.GetFullPath(root).TrimEnd('/') + "/").AbsoluteUri;
        page.Console += (_, e) =>
        {
            if (e.Message.Type is ConsoleType.Error or ConsoleType.Assert)
            {
                Add(_errors, $"console.{e.Message.Type.ToString().ToLowerInvariant()}: {e.Message.Text} ({e.Message.Location?.URL})");
            }
        };
        page.PageError += (_, e) => Add(_errors, "uncaught: " + e.Message);
        page.RequestFailed += (_, e) => Add(_errors, $"request failed: {e.Request.Url}: {e.Request.FailureText}");
        page.Request += async (_, e) =>
        {
            if (Allowed(e.Request.Url))
            {
                await e.Request.ContinueAsync();
            }
            else
            {
                Block(e.Request.Url);
                await e.Request.AbortAsync(RequestAbortErrorCode.AccessDenied);
            }
        };
    }

    /// <summary>The page (one tab) the session drives.</summary>
    public IPage Page { get; }

    /// <summary>Console errors, uncaught exceptions and failed requests since the last <see cref="OpenAsync"/>.</summary>
    public IReadOnlyList<string> Errors => Snapshot(_errors);

    /// <summary>Requests failed because they would have left the site (network, or a file outside its folder) since the last <see cref="OpenAsync"/>.</summary>
    public IReadOnlyList<string> Blocked => Snapshot(_blocked);

    /// <summary>Every request the page made since the last <see cref="OpenAsync"/>, allowed or not (as DevTools saw them).</summary>
    public IReadOnlyList<string> Requests => Snapshot(_requests);

    /// <summary>The process that runs the browser (its executable is <see cref="Executable"/>).</summary>
    public System.Diagnostics.Process? Process => _browser.Process;

    /// <summary>
    /// Starts chromium in a <paramref name="width"/> × <paramref name="height"/> window; with <paramref name="root"/>, only
    /// files under that folder may load.
    /// </summary>
    public static async Task<SiteBrowser> StartAsync(string? root = null, int width = 1280, int height = 900)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: ./test.sh installs Debian's 'chromium' package (apt-get install chromium); the tests never download a browser");
        var profile = TestPaths.TempDirectory();
        var options = new LaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            UserDataDir = profile,
            Timeout = 90_000,
            DefaultViewport = new ViewPortOptions { Width = width, Height = height },
            // Root runs chromium without its setuid sandbox; no GPU here; /dev/shm is small in containers. Whatever the
            // interception misses still goes to a proxy that is not there (loopback included), so it cannot leave.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--no-first-run", "--disable-component-update",
                "--disable-sync", "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            ],
            Env = { ["TMPDIR"] = TestPaths.RunDirectory },
        };
        var browser = await Puppeteer.LaunchAsync(options);
        try
        {
            var page = (await browser.PagesAsync()).FirstOrDefault() ?? await browser.NewPageAsync();
            page.DefaultTimeout = 60_000;
            var session = new SiteBrowser(browser, page, profile, root);
            await page.SetRequestInterceptionAsync(true);

            // Interception does not pause file: loads (nor WebSockets), so every request is also seen where DevTools'
            // network panel sees it: a file outside the site, or a socket, is listed even when nothing could stop it.
            var devtools = await page.CreateCDPSessionAsync();
            devtools.MessageReceived += (_, e) => session.Seen(e.MessageID, e.MessageData);
            await devtools.SendAsync("Network.enable");
            return session;
        }
        catch
        {
            await browser.CloseAsync();
            throw;
        }
    }

    /// <summary>Opens <paramref name="file"/> and waits for its load event; the lists start empty for it.</summary>
    public async Task OpenAsync(string file)
    {
        foreach (var list in new[] { _errors, _blocked, _requests })
        {
            lock (list)
            {
                list.Clear();
            }
        }

        var response = await Page.GoToAsync(new Uri(Path.GetFullPath(file)).AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load] });
        Assert.True(response is null || response.Ok, $"{file}: {response?.Status}");
    }

    /// <summary>Runs a JavaScript expression in the page and returns its value.</summary>
    public Task<T> EvalAsync<T>(string expression) => Page.EvaluateExpressionAsync<T>(expression);

    /// <summary>Closes the browser and deletes its profile.</summary>
    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        await _browser.DisposeAsync();
        TestPaths.TryDelete(_profile);
    }

    private void Seen(string method, System.Text.Json.JsonElement data)
    {
        if (method == "Network.requestWillBeSent")
        {
            var url = data.GetProperty("request").GetProperty("url").GetString() ?? string.Empty;
            Add(_requests, url);
            if (!Allowed(url))
            {
                Block(url);
            }
        }
        else if (method == "Network.webSocketCreated")
        {
            Block(data.GetProperty("url").GetString() ?? string.Empty);
        }
    }

    private void Block(string url)
    {
        lock (_blocked)
        {
            if (!_blocked.Contains(url))
            {
                _blocked.Add(url);
            }
        }
    }

    private static void Add(List<string> list, string item)
    {
        lock (list)
        {
            list.Add(item);
        }
    }

    private static List<string> Snapshot(List<string> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }

    private bool Allowed(string url) =>
        url.StartsWith("data:", StringComparison.Ordinal)
        || (url.StartsWith("file:", StringComparison.Ordinal) && (_root is null || url.StartsWith(_root, StringComparison.Ordinal)));
}
