using System.Text.Json.Nodes;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Leaderboard;

/// <summary>
/// The part of <c>schemas/leaderboard.schema.json</c> that follows from the metric registry: <c>$defs/exitMetrics</c>,
/// one property per registered metric with its range and nullability. The host's own metrics that every leaderboard of
/// this <c>schema_version</c> carries are required (<see cref="RequiredInVersion2"/>); a built-in added since is described
/// but optional, so a file written before it is still read, until the next version makes it required. Any other metric a
/// plugin adds passes as a number or null, so a new metric needs no schema edit. A test keeps the file equal
/// to what this generates (<c>EEBENCH_APPROVE=1</c> rewrites it).
/// </summary>
public static class MetricSchema
{
    /// <summary>
    /// The built-in metric keys of every <c>schema_version</c> 2 leaderboard, from the first one written; metrics added
    /// within the version (e.g. <c>risk_at_80</c>) are absent from earlier files, so readers must not require them.
    /// </summary>
    public static IReadOnlySet<string> RequiredInVersion2 { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "accuracy", "ece", "adaptive_ece", "mce", "classwise_ece", "brier", "nll", "auroc", "aupr_error", "fpr95", "aurc",
        "eaurc", "augrc", "eefp_auroc", "rank_preservation",
    };

    /// <summary>The <c>exitMetrics</c> definition for <paramref name="metrics"/>.</summary>
    /// <param name="metrics">Name, info and whether the host ships it built in, in leaderboard order.</param>
    /// <returns>The JSON Schema object.</returns>
    public static JsonObject ExitMetrics(IEnumerable<(string Name, MetricInfo Info, bool BuiltIn)> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var list = metrics.ToList();
        var properties = new JsonObject { ["exit"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 } };
        foreach (var (name, info, _) in list)
        {
            var property = new JsonObject { ["type"] = info.MayBeUndefined ? new JsonArray("number", "null") : "number" };
            if (info.Minimum is { } minimum)
            {
                property["minimum"] = minimum;
            }

            if (info.Maximum is { } maximum)
            {
                property["maximum"] = maximum;
            }

            properties[name] = property;
        }

        var required = new JsonArray("exit");
        foreach (var (name, _, _) in list.Where(m => m.BuiltIn && RequiredInVersion2.Contains(m.Name)))
        {
            required.Add(name);
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["required"] = required,
            ["properties"] = properties,
            ["additionalProperties"] = new JsonObject { ["type"] = new JsonArray("number", "null") },
        };
    }
}
