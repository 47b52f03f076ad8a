namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>A column of a <see cref="DataTable"/>.</summary>
/// <param name="Key">Stable name, the header's <c>data-key</c> (browser tests find columns by it): lower-case, digits, '-' and '_'.</param>
/// <param name="Header">Header text.</param>
/// <param name="Numeric">Whether the column sorts by its cells' <c>data-value</c> numbers (and is right-aligned).</param>
/// <param name="Title">What the column means, shown on hover over the header; null for none.</param>
public sealed record TableColumn(string Key, string Header, bool Numeric = false, string? Title = null);
