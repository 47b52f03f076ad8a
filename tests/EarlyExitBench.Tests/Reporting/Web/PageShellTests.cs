using System.Text.RegularExpressions;
using EarlyExitBench.Harness.Reporting.Web;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Reporting.Web;

/// <summary>The document around every page: one file with everything inline, or a site page that links the shared assets.</summary>
public class PageShellTests
{
    private static readonly WebPage Page = new("a & b", "<p>body</p>\n") { Nav = [new NavLink("Setting <1>", "#s1")], Subtitle = "sub" };

    [Fact]
    public void ASingleFilePageInlinesTheStylesheetAndTheScript()
    {
        var html = PageShell.Render(Page);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>a &amp; b</title>", html, StringComparison.Ordinal);
        Assert.Contains("<style>\n" + WebAssets.Css, html, StringComparison.Ordinal);
        Assert.Contains("<script>\n" + WebAssets.Script, html, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"eeb-nav\" aria-label=\"contents\"><ul><li><a href=\"#s1\">Setting &lt;1&gt;</a></li></ul></nav>", html, StringComparison.Ordinal);
        Assert.Contains("<main>\n<p>body</p>\n</main>\n<div id=\"eeb-tip\" role=\"tooltip\" hidden></div>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);

        // Exactly one script element and one style element: the inline text never closes either early.
        Assert.Single(Regex.Matches(html, "</script>"));
        Assert.Single(Regex.Matches(html, "</style>"));
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ASitePageLinksTheAssetsRelativeToItsFolderAndTheyAreWrittenOnce()
    {
        var html = PageShell.Render(Page with { AssetRoot = "../" });

        Assert.Contains("<link rel=\"stylesheet\" href=\"../assets/eeb.css\">", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"../assets/eeb.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style>", html, StringComparison.Ordinal);
        Assert.True(html.Length < 2000, $"{html.Length} characters");

        var site = TestPaths.TempDirectory();
        WebAssets.WriteTo(site);
        Assert.Equal(WebAssets.Css, File.ReadAllText(Path.Combine(site, "assets", "eeb.css")));
        Assert.Equal(WebAssets.Script, File.ReadAllText(Path.Combine(site, "assets", "eeb.js")));
        Assert.Equal(["eeb.css", "eeb.js"], Directory.GetFiles(Path.Combine(site, "assets")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
