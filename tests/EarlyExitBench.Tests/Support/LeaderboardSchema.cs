using System.Text.Json;
using Json.Schema;

namespace EarlyExitBench.Tests.Support;

/// <summary>Validates leaderboard JSON against <c>schemas/leaderboard.schema.json</c>.</summary>
internal static class LeaderboardSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFile(Path.Combine(TestPaths.RepoRoot, "schemas", "leaderboard.schema.json")));

    /// <summary>The schema errors of <paramref name="json"/>, empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
    }
}
