namespace EarlyExitBench.Harness.Site;

/// <summary>A column of a site table (<see cref="SiteHtml.Table"/>).</summary>
/// <param name="Key">The header's <c>data-key</c>, which browser tests and the sort use: lower-case letters, digits, '_' and '-'.</param>
/// <param name="Header">Header text.</param>
/// <param name="Numeric">Whether it sorts by its cells' <c>data-value</c> numbers.</param>
/// <param name="Title">What the column means, shown on hover over the header; null for none.</param>
internal sealed record HtmlColumn(string Key, string Header, bool Numeric = false, string? Title = null);
