using System.Text.RegularExpressions;

namespace EarlyExitBench.Harness.Plugins;

/// <summary>
/// One alias style: lower-case kebab-case (<c>branchy-lenet</c>, <c>max-logit</c>) for every kind a suite names, and
/// snake_case for metrics, whose aliases are the leaderboard's JSON keys (<c>adaptive_ece</c>) like every other key.
/// </summary>
public static partial class AliasStyle
{
    /// <summary>Whether <paramref name="alias"/> follows the style of <paramref name="kind"/>.</summary>
    public static bool Follows(PluginKind kind, string alias) =>
        kind == PluginKind.Metric ? SnakeCase().IsMatch(alias) : KebabCase().IsMatch(alias);

    /// <summary>Throws an <see cref="ArgumentException"/> that names the expected style when <paramref name="alias"/> breaks it.</summary>
    public static void Check(PluginKind kind, string alias, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias, parameter);
        if (!Follows(kind, alias))
        {
            var style = kind == PluginKind.Metric
                ? "snake_case (lower-case letters and digits joined by single underscores, e.g. 'adaptive_ece'): metric names are leaderboard keys"
                : "kebab-case (lower-case letters and digits joined by single hyphens, e.g. 'max-logit')";
            throw new ArgumentException($"{PluginKinds.Describe(kind)} alias '{alias}' must be {style}.", parameter);
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("^[a-z0-9]+(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
