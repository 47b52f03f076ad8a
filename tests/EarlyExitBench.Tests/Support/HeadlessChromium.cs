using System.Text.RegularExpressions;

namespace EarlyExitBench.Tests.Support;

/// <summary>Debian's <c>chromium</c>, headless, with a throw-away profile per call so parallel or leftover runs never collide.</summary>
internal static partial class HeadlessChromium
{
    /// <summary>The chromium executable, or a failure that says how to get it (the test set-up installs it; the tests never skip).</summary>
    public static string Executable()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Append("/usr/bin"))
        {
            var candidate = Path.Combine(dir, "chromium");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("chromium is not installed; ./test.sh installs Debian's 'chromium' package for this test (apt-get install chromium)");
    }

    /// <summary>Loads <paramref name="page"/> in a <paramref name="width"/> × <paramref name="height"/> window with <paramref name="action"/> (e.g. --dump-dom).</summary>
    public static ProcessResult Run(string page, int width, int height, params string[] action)
    {
        var profile = TestPaths.TempDirectory();
        string[] arguments =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--no-first-run",
            "--enable-logging=stderr", "--v=0", $"--user-data-dir={profile}", $"--window-size={width},{height}",
            .. action, new Uri(page).AbsoluteUri,
        ];
        return ChildProcess.Run(ChildProcess.StartInfo(Executable(), arguments), TimeSpan.FromSeconds(90));
    }

    /// <summary>Console messages and uncaught errors in chromium's log (its own D-Bus and GPU chatter is not the page's).</summary>
    public static IReadOnlyList<string> PageErrors(string log) =>
        log.Split('\n').Where(line => line.Contains(":CONSOLE", StringComparison.Ordinal) || line.Contains("Uncaught", StringComparison.Ordinal)).ToList();

    /// <summary>An attribute of the <c>body</c> element in a dumped DOM, or null.</summary>
    public static string? BodyAttribute(string dom, string name)
    {
        var body = BodyTag().Match(dom);
        var attribute = Regex.Match(body.Value, $"{Regex.Escape(name)}=\"([^\"]*)\"");
        return attribute.Success ? attribute.Groups[1].Value : null;
    }

    [GeneratedRegex("<body[^>]*>")]
    private static partial Regex BodyTag();
}
