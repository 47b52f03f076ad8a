using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EarlyExitBench.Tests.Site;

/// <summary>Reads a built site back, independently of the code that wrote it: its files, its tables and its CSV.</summary>
internal static partial class PageReader
{
    public static SortedDictionary<string, byte[]> Files(string site) => new(
        Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(site, f).Replace('\\', '/'), File.ReadAllBytes),
        StringComparer.Ordinal);

    /// <summary>A value shown with d decimals equals <paramref name="expected"/> to within half a unit of its last digit.</summary>
    public static void Close(double expected, string shown, string what)
    {
        var value = double.Parse(shown, CultureInfo.InvariantCulture);
        var decimals = shown.Contains('.', StringComparison.Ordinal) ? shown.Length - shown.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        Assert.True(Math.Abs(value - expected) <= 0.5 * Math.Pow(10, -decimals) + 1e-15, $"{what}: the page shows {shown}, the leaderboard has {expected.ToString("R", CultureInfo.InvariantCulture)}");
    }

    /// <summary>The <c>eeb-table</c> tables of a page: their id, column keys and each body row's cells (a cell's data-value, else its text).</summary>
    public static List<(string Id, List<string> Keys, List<List<string>> Rows)> Tables(string html) =>
        TableElement().Matches(html).Select(t =>
        {
            var keys = HeaderKey().Matches(t.Value).Select(m => m.Groups[1].Value).ToList();
            var rows = Row().Matches(t.Value)
                .Select(r => Cell().Matches(r.Groups[1].Value).Select(c => DataValue().Match(c.Groups[1].Value) is { Success: true } v
                    ? System.Net.WebUtility.HtmlDecode(v.Groups[1].Value)
                    : System.Net.WebUtility.HtmlDecode(Tag().Replace(c.Groups[2].Value, "")).Trim()).ToList())
                .Where(r => r.Count > 0)
                .ToList();
            return (TableId().Match(t.Value).Groups[1].Value, keys, rows);
        }).ToList();

    /// <summary>RFC 4180 fields, written independently of the site's writer.</summary>
    public static List<List<string>> Csv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }

    [GeneratedRegex("(href|src)=\"([^\"]*)\"")]
    public static partial Regex Links();

    [GeneratedRegex("<table[^>]*class=\"eeb-table\"[^>]*>.*?</table>", RegexOptions.Singleline)]
    private static partial Regex TableElement();

    [GeneratedRegex("^<table[^>]*\\bid=\"([^\"]*)\"")]
    private static partial Regex TableId();

    [GeneratedRegex("<th[^>]*data-key=\"([^\"]*)\"")]
    private static partial Regex HeaderKey();

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<td([^>]*)>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("data-value=\"([^\"]*)\"")]
    private static partial Regex DataValue();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
