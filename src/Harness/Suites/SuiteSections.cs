using YamlDotNet.RepresentationModel;

namespace EarlyExitBench.Harness.Suites;

/// <summary>Binds the suite's settings sections <c>evaluation</c> and <c>measurement</c> (<c>training</c>: <see cref="RecipeReader"/>).</summary>
internal static class SuiteSections
{
    public static EvaluationSpec Evaluation(YamlMapping parent)
    {
        var defaults = new EvaluationSpec(15, 1000);
        if (parent.Section("evaluation") is not { } map)
        {
            return defaults;
        }

        var spec = new EvaluationSpec(
            map.Int("bins", 15, 1, 10_000)!.Value,
            map.Int("bootstrap", 1000, 0, 1_000_000)!.Value,
            map.Int("efficiency_bootstrap", EvaluationSpec.DefaultEfficiencyBootstrap, 0, 100_000)!.Value,
            map.Double("plugin_timeout_s", EvaluationSpec.DefaultPluginTimeoutSeconds, EvaluationSpec.MinPluginTimeoutSeconds, EvaluationSpec.MaxPluginTimeoutSeconds));
        map.RejectUnknownKeys("'evaluation'");
        return spec;
    }

    public static MeasurementSpec Measurement(YamlMapping parent, Dictionary<string, SourceLocation> locations)
    {
        var defaults = MeasurementSpec.Disabled;
        if (parent.Section("measurement") is not { } map)
        {
            return defaults;
        }

        var enabled = map.String("enabled", "true") switch
        {
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            var other => Invalid(map, "enabled", $"'enabled' must be true or false, got '{other}'"),
        };
        var batchSizes = defaults.BatchSizes;
        if (map.Sequence("batch_sizes") is { } nodes)
        {
            batchSizes = nodes.Select(n => map.ToInt(n, "batch_sizes", 1, 1 << 16)).OfType<int>().ToList();
            if (nodes.Count == 0)
            {
                map.Error(map.Get("batch_sizes")!, "'batch_sizes' must list at least one batch size");
            }
        }

        var spec = new MeasurementSpec(
            enabled,
            map.Int("samples", defaults.Samples, 1, 1_000_000)!.Value,
            batchSizes,
            map.Double("max_seconds", defaults.MaxSeconds, 0.01, 3600),
            map.String("calibrator"),
            map.String("failure_predictor"));
        foreach (var key in new[] { "calibrator", "failure_predictor" })
        {
            if (map.Get(key) is { } node)
            {
                locations[$"measurement.{key}"] = map.Location(node);
            }
        }

        map.RejectUnknownKeys("'measurement'");
        return spec;
    }

    private static bool Invalid(YamlMapping map, string key, string message)
    {
        map.Error(map.Get(key)!, message);
        return false;
    }
}
