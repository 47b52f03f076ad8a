using System.Globalization;
using System.Net;

namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>Escaping and number formatting for the web pages, in one place: invariant culture, fixed formats, so the same leaderboard gives the same bytes.</summary>
public static class Html
{
    /// <summary>Text or an attribute value, HTML-encoded.</summary>
    public static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The raw number a sort or a test reads (<c>data-value</c>): the shortest text that reads back as the same double.</summary>
    public static string Raw(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An SVG coordinate: one decimal of a CSS pixel.</summary>
    public static string Coord(double value) => (Math.Round(value, 1) + 0.0).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>An integer, invariant.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A page-unique id from a label: lower-case letters, digits and '-'.</summary>
    public static string Slug(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var chars = label.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "x" : slug;
    }
}
