using System.Text.RegularExpressions;

namespace EarlyExitBench.Harness.Results;

/// <summary>JSONPath-style names of places in a document (<c>$.groups[0].entries[2]['0.25']</c>), as problems are reported.</summary>
internal static partial class JsonPath
{
    /// <summary>The document itself.</summary>
    public const string Root = "$";

    /// <summary>The member <paramref name="name"/> of the object at <paramref name="parent"/>.</summary>
    public static string Member(string parent, string name) =>
        Identifier().IsMatch(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>Item <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    public static string Item(string parent, int index) => $"{parent}[{index}]";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
