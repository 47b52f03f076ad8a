namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>A link in a page's navigation bar.</summary>
/// <param name="Text">Link text.</param>
/// <param name="Href">Relative address or <c>#anchor</c>.</param>
public sealed record NavLink(string Text, string Href);
