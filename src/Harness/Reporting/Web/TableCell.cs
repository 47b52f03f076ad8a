using System.Globalization;

namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>A cell of a <see cref="DataTable"/>: the text shown and, for a number, the raw value the sort uses.</summary>
/// <param name="Text">What the cell shows (plain text, encoded when rendered).</param>
/// <param name="Value">The raw number behind <paramref name="Text"/> (<c>data-value</c>); null for text or a missing number.</param>
/// <param name="Href">A relative link for the text; null for none.</param>
public sealed record TableCell(string Text, double? Value = null, string? Href = null)
{
    /// <summary>A number shown with <paramref name="format"/> (invariant), or "–" without a value when missing or not finite.</summary>
    public static TableCell Number(double? value, string format = "F4") =>
        value is { } v && double.IsFinite(v) ? new TableCell(v.ToString(format, CultureInfo.InvariantCulture), v) : new TableCell("–");

    /// <summary>An integer.</summary>
    public static TableCell Integer(long value) => new(value.ToString(CultureInfo.InvariantCulture), value);

    /// <summary>Plain text.</summary>
    public static TableCell Of(string text) => new(text);

    /// <summary>Text shown for a number that sorts by <paramref name="value"/> (a rank shown as "2=", an interval sorted by its low end).</summary>
    public static TableCell Sorted(string text, double? value) => new(text, value is { } v && double.IsFinite(v) ? v : null);
}
