namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>A whole page for <see cref="PageShell"/>: title, navigation and body.</summary>
/// <param name="Title">The page's title (the <c>&lt;title&gt;</c> and the <c>h1</c>).</param>
/// <param name="Body">The content of <c>&lt;main&gt;</c>, an HTML fragment (e.g. sections from <see cref="SettingPage"/>).</param>
public sealed record WebPage(string Title, string Body)
{
    /// <summary>Links in the navigation bar under the title; empty for none.</summary>
    public IReadOnlyList<NavLink> Nav { get; init; } = [];

    /// <summary>
    /// Where the site's root is, relative to this page (<c>""</c> at the root, <c>"../"</c> one folder down): the page links
    /// <see cref="WebAssets.CssPath"/> and <see cref="WebAssets.ScriptPath"/> there. Null inlines both: one file that
    /// needs nothing beside it (the run's <c>report.html</c>).
    /// </summary>
    public string? AssetRoot { get; init; }

    /// <summary>A line under the title (plain text); null for none.</summary>
    public string? Subtitle { get; init; }
}
