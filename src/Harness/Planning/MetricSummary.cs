using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Planning;

/// <summary>A metric as the leaderboard's <c>metrics</c> section describes it, so the file says what every key means.</summary>
/// <param name="Name">The alias: its key in <c>per_exit</c> and <c>proxy_correlation</c>.</param>
/// <param name="Description">One line.</param>
/// <param name="Better">"higher" or "lower".</param>
/// <param name="Proxy">Whether its correlation with efficiency is reported.</param>
/// <param name="Citation">Where its definition comes from.</param>
/// <param name="Plugin">The assembly that registered it.</param>
public sealed record MetricSummary(string Name, string Description, string Better, bool Proxy, string Citation, string Plugin)
{
    /// <summary>The summary of a registered metric.</summary>
    public static MetricSummary Of(string name, string description, MetricInfo info, string plugin)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new MetricSummary(name, description, info.Direction == MetricDirection.HigherIsBetter ? "higher" : "lower", info.IsProxy, info.Citation, plugin);
    }
}
