using System.Text.Json.Serialization;

namespace EarlyExitBench.Harness.Results;

/// <summary>A metric as the leaderboard describes it (<c>metrics[]</c>): what readers need to interpret its values.</summary>
/// <param name="Name">The alias: its key in <c>per_exit</c>, <c>per_seed[].proxies</c> and <c>proxy_correlation</c>.</param>
/// <param name="Description">One line.</param>
/// <param name="Better">"higher" or "lower".</param>
/// <param name="Proxy">Whether its correlation with efficiency is reported.</param>
/// <param name="Citation">Where its definition comes from.</param>
/// <param name="Plugin">The assembly that registered it.</param>
/// <param name="Family">
/// What it measures: "calibration", "failure prediction" or "other"; absent (null) in files written before it was added
/// within <c>schema_version</c> 2.
/// </param>
public sealed record MetricSummary(
    string Name,
    string Description,
    string Better,
    bool Proxy,
    string Citation,
    string Plugin,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Family = null)
{
    /// <summary><see cref="Better"/> as a flag.</summary>
    [JsonIgnore]
    public bool HigherIsBetter => Better == "higher";
}
