using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Planning;

/// <summary>A metric as the leaderboard's <c>metrics</c> section describes it, so the file says what every key means.</summary>
/// <param name="Name">The alias: its key in <c>per_exit</c> and <c>proxy_correlation</c>.</param>
/// <param name="Description">One line.</param>
/// <param name="Better">"higher" or "lower".</param>
/// <param name="Proxy">Whether its correlation with efficiency is reported.</param>
/// <param name="Citation">Where its definition comes from.</param>
/// <param name="Plugin">The assembly that registered it.</param>
/// <param name="Family">What it measures: "calibration", "failure prediction" or "other" (<see cref="FamilyName"/>).</param>
public sealed record MetricSummary(string Name, string Description, string Better, bool Proxy, string Citation, string Plugin, string Family)
{
    /// <summary>The summary of a registered metric.</summary>
    public static MetricSummary Of(string name, string description, MetricInfo info, string plugin)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new MetricSummary(name, description, info.Direction == MetricDirection.HigherIsBetter ? "higher" : "lower", info.IsProxy, info.Citation, plugin, FamilyName(info.Family));
    }

    /// <summary>How the leaderboard and the docs write <paramref name="family"/>.</summary>
    public static string FamilyName(MetricFamily family) => family switch
    {
        MetricFamily.Calibration => "calibration",
        MetricFamily.FailurePrediction => "failure prediction",
        _ => "other",
    };
}
