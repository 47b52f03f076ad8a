using System.Globalization;

namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>The report's shared tables (<see cref="ReportTable"/>, also written to Markdown) as sortable <see cref="DataTable"/>s.</summary>
public static class WebTables
{
    /// <summary>
    /// <paramref name="table"/> with a column key per header; a right-aligned column sorts by the number its text starts
    /// with (a percentage by its percent, "[lo, hi]" by lo), and a cell with no number sorts last.
    /// </summary>
    public static DataTable From(ReportTable table, string id, bool filter = false, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var columns = table.Headers.Select((h, i) =>
        {
            var key = Html.Slug(h);
            for (var n = 2; !keys.Add(key); n++)
            {
                key = $"{Html.Slug(h)}-{n}";
            }

            return new TableColumn(key, h, table.RightAligned[i]);
        }).ToList();
        var rows = table.Rows.Select((row, r) => new TableRow(
            row.Select((text, i) => table.RightAligned[i] ? TableCell.Sorted(text, LeadingNumber(text)) : TableCell.Of(text)).ToList(),
            r < table.Marked.Count && table.Marked[r])).ToList();
        return new DataTable(id, columns, rows, filter, caption);
    }

    /// <summary>The number a cell's text starts with ("0.8123", "12.5%", "[0.80, 0.90]" → 0.80, "1,234" → 1234); null for none.</summary>
    public static double? LeadingNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.TrimStart('[', ' ').Replace(",", string.Empty, StringComparison.Ordinal);
        var end = 0;
        while (end < s.Length && (char.IsAsciiDigit(s[end]) || s[end] is '.' or '-' or '+' or 'e' or 'E'))
        {
            end++;
        }

        // An interval "[lo hi]" lost its comma above: stop at the space between the numbers.
        return double.TryParse(s[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
    }
}
