using System.Text;
using System.Text.Json.Nodes;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Pipeline;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Leaderboard;

/// <summary>The schema's per-exit metrics follow the host's metric registry; plugin metrics need no schema edit.</summary>
public class MetricSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(TestPaths.RepoRoot, "schemas", "leaderboard.schema.json");

    [Fact]
    public void TheSchemaDescribesEveryRegisteredMetric()
    {
        // The host's metrics, in registry order; a plugin's metric passes as number or null without a schema edit.
        var catalog = PluginHost.Load([], Loggers.Silent, HostPlugins.Register);
        var metrics = PlanBuilder.Metrics(catalog, Loggers.Silent)
            .Select(m => (m.Plugin.Label, m.Info, BuiltIn: true))
            .ToList();
        var generated = MetricSchema.ExitMetrics(metrics);
        if (Environment.GetEnvironmentVariable("EEBENCH_APPROVE") == "1")
        {
            Rewrite(generated);
        }

        var current = JsonNode.Parse(File.ReadAllText(SchemaPath))!["$defs"]!["exitMetrics"]!;

        Assert.True(
            generated.ToJsonString() == current.ToJsonString(),
            $"schemas/leaderboard.schema.json's $defs/exitMetrics differs from the metric registry; if intended, rerun with EEBENCH_APPROVE=1.\nexpected {generated.ToJsonString()}\nactual   {current.ToJsonString()}");
        Assert.Contains("ece", metrics.Select(m => m.Label));
    }

    /// <summary>Replaces the exitMetrics block, one property per line, in the file's own compact style.</summary>
    private static void Rewrite(JsonObject definition)
    {
        static string Compact(JsonNode node) => node.ToJsonString()
            .Replace("\":", "\": ", StringComparison.Ordinal).Replace(",\"", ", \"", StringComparison.Ordinal)
            .Replace("{", "{ ", StringComparison.Ordinal).Replace("}", " }", StringComparison.Ordinal);

        var block = new StringBuilder();
        block.AppendLine("    \"exitMetrics\": {");
        block.AppendLine("      \"type\": \"object\",");
        block.AppendLine($"      \"required\": {Compact(definition["required"]!)},");
        block.AppendLine("      \"properties\": {");
        var properties = definition["properties"]!.AsObject().ToList();
        for (var i = 0; i < properties.Count; i++)
        {
            block.AppendLine($"        \"{properties[i].Key}\": {Compact(properties[i].Value!)}{(i + 1 < properties.Count ? "," : string.Empty)}");
        }

        block.AppendLine("      },");
        block.AppendLine($"      \"additionalProperties\": {Compact(definition["additionalProperties"]!)}");
        block.Append("    },");
        var text = File.ReadAllText(SchemaPath);
        var start = text.IndexOf("    \"exitMetrics\": {", StringComparison.Ordinal);
        var end = text.IndexOf("    \"entry\": {", StringComparison.Ordinal);
        File.WriteAllText(SchemaPath, text[..start] + block + "\n" + text[end..]);
    }
}
