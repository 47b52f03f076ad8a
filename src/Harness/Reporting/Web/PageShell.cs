using System.Text;

namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>
/// The HTML document around every page: head, title, navigation, <c>&lt;main&gt;</c>, the single tooltip element
/// (<c>#eeb-tip</c>) and the stylesheet and script, inline or linked. It reads on a phone (one column, tables and charts
/// stay inside the width) and prints (no navigation, figures kept whole); nothing is fetched from a network.
/// </summary>
public static class PageShell
{
    /// <summary>The whole document.</summary>
    public static string Render(WebPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var html = new StringBuilder(page.Body.Length + (page.AssetRoot is null ? 16_000 : 1_000));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(Html.E(page.Title)).Append("</title>\n");
        if (page.AssetRoot is { } root)
        {
            html.Append("<link rel=\"stylesheet\" href=\"").Append(Html.E(root + WebAssets.CssPath)).Append("\">\n");
        }
        else
        {
            html.Append("<style>\n").Append(Inline(WebAssets.Css, "style")).Append("</style>\n");
        }

        html.Append("</head>\n<body>\n<header><h1 id=\"top\">").Append(Html.E(page.Title)).Append("</h1>");
        if (page.Subtitle is { } subtitle)
        {
            html.Append("<p class=\"caption\">").Append(Html.E(subtitle)).Append("</p>");
        }

        html.Append("</header>\n");
        if (page.Nav.Count > 0)
        {
            html.Append("<nav class=\"eeb-nav\" aria-label=\"contents\"><ul>");
            foreach (var link in page.Nav)
            {
                html.Append("<li><a href=\"").Append(Html.E(link.Href)).Append("\">").Append(Html.E(link.Text)).Append("</a></li>");
            }

            html.Append("</ul></nav>\n");
        }

        html.Append("<main>\n").Append(page.Body).Append("</main>\n<div id=\"eeb-tip\" role=\"tooltip\" hidden></div>\n");
        if (page.AssetRoot is { } scriptRoot)
        {
            html.Append("<script src=\"").Append(Html.E(scriptRoot + WebAssets.ScriptPath)).Append("\"></script>\n");
        }
        else
        {
            html.Append("<script>\n").Append(Inline(WebAssets.Script, "script")).Append("</script>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Text for an inline element, which must not close it early.</summary>
    private static string Inline(string text, string element) =>
        text.Contains("</" + element, StringComparison.OrdinalIgnoreCase)
            ? throw new InvalidOperationException($"an inline {element} contains </{element}")
            : text.EndsWith('\n') ? text : text + "\n";
}
