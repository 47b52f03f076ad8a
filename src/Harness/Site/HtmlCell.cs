using System.Globalization;

namespace EarlyExitBench.Harness.Site;

/// <summary>A cell of a site table: the text shown, the raw number the sort uses, and an optional relative link.</summary>
/// <param name="Text">Plain text (encoded when rendered).</param>
/// <param name="Value">The raw number behind it (<c>data-value</c>, written round-trip); null for text or a missing number.</param>
/// <param name="Href">A relative link for the text; null for none.</param>
internal sealed record HtmlCell(string Text, double? Value = null, string? Href = null)
{
    /// <summary>A number shown with <paramref name="format"/>, or "–" when missing or not finite.</summary>
    public static HtmlCell Number(double? value, string format = "F4") =>
        value is { } v && double.IsFinite(v) ? new HtmlCell(v.ToString(format, CultureInfo.InvariantCulture), v) : new HtmlCell("–");

    /// <summary>An integer.</summary>
    public static HtmlCell Integer(long value) => new(value.ToString(CultureInfo.InvariantCulture), value);

    /// <summary>An interval "[low, high]" that sorts by its low end; "–" when missing.</summary>
    public static HtmlCell Interval(IReadOnlyList<double>? ci, string format = "F4") =>
        ci is { Count: 2 } ? new HtmlCell($"[{ci[0].ToString(format, CultureInfo.InvariantCulture)}, {ci[1].ToString(format, CultureInfo.InvariantCulture)}]", double.IsFinite(ci[0]) ? ci[0] : null) : new HtmlCell("–");

    /// <summary>Plain text.</summary>
    public static HtmlCell Of(string text) => new(text);

    /// <summary>Text linking to <paramref name="href"/>.</summary>
    public static HtmlCell Link(string text, string href) => new(text, null, href);
}
