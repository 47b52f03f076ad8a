using EarlyExitBench.Testing;

namespace EarlyExitBench.Harness.Plugins;

/// <summary>
/// One alias style: lower-case kebab-case (<c>branchy-lenet</c>, <c>max-logit</c>) for every kind a suite names, and
/// snake_case for metrics, whose aliases are the leaderboard's JSON keys (<c>adaptive_ece</c>) like every other key.
/// The rule is <see cref="OutputChecks.AliasStyle"/>, which plugin authors' tests run too.
/// </summary>
public static class AliasStyle
{
    /// <summary>Whether <paramref name="alias"/> follows the style of <paramref name="kind"/>.</summary>
    public static bool Follows(PluginKind kind, string alias) => OutputChecks.AliasStyle(alias, kind == PluginKind.Metric) is null;

    /// <summary>Throws an <see cref="ArgumentException"/> that names the expected style when <paramref name="alias"/> breaks it.</summary>
    public static void Check(PluginKind kind, string alias, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias, parameter);
        if (OutputChecks.AliasStyle(alias, kind == PluginKind.Metric) is { } style)
        {
            throw new ArgumentException($"{PluginKinds.Describe(kind)} alias '{alias}' must be {style}.", parameter);
        }
    }
}
