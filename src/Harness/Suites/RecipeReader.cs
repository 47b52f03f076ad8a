using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace EarlyExitBench.Harness.Suites;

/// <summary>
/// Reads <c>training:</c>: one recipe as a mapping (its <c>name</c> optional, default <c>default</c>), or several as a
/// list of mappings, each with a distinct <c>name</c>.
/// </summary>
internal static class RecipeReader
{
    private static readonly string[] Optimizers = ["adam", "adamw", "sgd"];
    private static readonly string[] Losses = ["cross_entropy", "focal"];
    private static readonly string[] Schedules = ["constant", "cosine", "step"];
    private static readonly string[] Augments = ["none", "crop-flip"];

    /// <summary>
    /// The suite's recipes; errors go to <paramref name="errors"/>, and where each recipe's <c>exit_weights</c> is
    /// written to <paramref name="locations"/> (key <see cref="ExitWeightsKey"/>), for the check against the architectures.
    /// </summary>
    public static IReadOnlyList<TrainingSpec> Read(YamlMapping parent, string file, List<SuiteError> errors, Dictionary<string, SourceLocation> locations)
    {
        switch (parent.Get("training"))
        {
            case null:
                return [Defaults];
            case YamlMappingNode single:
                return [ReadOne(new YamlMapping(single, file, errors), requireName: false, locations)];
            case YamlSequenceNode list:
                var recipes = new List<TrainingSpec>();
                foreach (var item in list.Children)
                {
                    if (item is YamlMappingNode mapping)
                    {
                        recipes.Add(ReadOne(new YamlMapping(mapping, file, errors), requireName: true, locations));
                    }
                    else
                    {
                        parent.Error(item, "each recipe under 'training' must be a mapping");
                    }
                }

                foreach (var duplicate in recipes.GroupBy(r => r.Name).Where(g => g.Count() > 1))
                {
                    parent.Error(list, $"recipe name '{duplicate.Key}' is used {duplicate.Count()} times; recipe names must be distinct");
                }

                if (recipes.Count == 0)
                {
                    parent.Error(list, "'training' lists no recipe");
                }

                return recipes.Count == 0 ? [Defaults] : recipes;
            case var other:
                parent.Error(other, "'training' must be a mapping (one recipe) or a list of recipes with names");
                return [Defaults];
        }
    }

    private static TrainingSpec Defaults { get; } = new(3, 128, "adam", 1e-3, 0.9, 0, null);

    /// <summary>The <see cref="Suite.Locations"/> key of a recipe's <c>exit_weights</c>.</summary>
    public static string ExitWeightsKey(string recipe) => $"training.{recipe}.exit_weights";

    private static TrainingSpec ReadOne(YamlMapping map, bool requireName, Dictionary<string, SourceLocation> locations)
    {
        var name = requireName ? (map.Require("name") is null ? "unnamed" : map.String("name")!) : map.String("name", Defaults.Name)!;
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            map.Error(map.Get("name") ?? map.Node, $"recipe 'name' may hold only letters, digits, '-', '_' and '.', got '{name}'");
        }

        IReadOnlyList<double>? weights = null;
        if (map.Sequence("exit_weights", allowScalar: false) is { } weightNodes)
        {
            locations.TryAdd(ExitWeightsKey(name), map.Location(map.Get("exit_weights")!));
            weights = weightNodes.Select(w => w is YamlScalarNode { Value: { } t } && double.TryParse(t, CultureInfo.InvariantCulture, out var v) && v >= 0 && double.IsFinite(v) ? v : ReportWeight(map, w)).ToList();
            if (weights.Count == 0)
            {
                map.Error(map.Get("exit_weights")!, "'exit_weights' must not be empty");
            }
        }

        var spec = new TrainingSpec(
            map.Int("epochs", Defaults.Epochs, 1, 10_000)!.Value,
            map.Int("batch_size", Defaults.BatchSize, 1, 1 << 20)!.Value,
            OneOf(map, "optimizer", Defaults.Optimizer, Optimizers),
            map.Double("learning_rate", Defaults.LearningRate, 1e-12, 100),
            map.Double("momentum", Defaults.Momentum, 0, 1),
            map.Double("weight_decay", Defaults.WeightDecay, 0, 10),
            weights)
        {
            Name = name,
            Loss = OneOf(map, "loss", Defaults.Loss, Losses),
            LabelSmoothing = map.Double("label_smoothing", 0, 0, 0.999),
            FocalGamma = map.Double("focal_gamma", Defaults.FocalGamma, 0, 100),
            Schedule = OneOf(map, "schedule", Defaults.Schedule, Schedules),
            WarmupEpochs = map.Double("warmup_epochs", 0, 0, 10_000),
            StepEpochs = map.Int("step_epochs", Defaults.StepEpochs, 1, 10_000)!.Value,
            StepGamma = map.Double("step_gamma", Defaults.StepGamma, 0, 1),
            Augment = OneOf(map, "augment", Defaults.Augment, Augments),
            EarlyStoppingPatience = map.Int("early_stopping_patience", null, 1, 10_000),
        };
        if (spec.LabelSmoothing > 0 && spec.Loss == "focal" && map.Get("label_smoothing") is { } smoothing)
        {
            map.Error(smoothing, "'label_smoothing' applies to loss: cross_entropy only");
        }

        if (spec.WarmupEpochs >= spec.Epochs && map.Get("warmup_epochs") is { } warmup)
        {
            map.Error(warmup, $"'warmup_epochs' ({spec.WarmupEpochs}) must be less than 'epochs' ({spec.Epochs})");
        }

        map.RejectUnknownKeys(requireName ? $"recipe '{name}'" : "'training'");
        return spec;
    }

    private static string OneOf(YamlMapping map, string key, string fallback, string[] allowed)
    {
        var value = map.String(key, fallback)!;
        if (!allowed.Contains(value))
        {
            map.Error(map.Get(key)!, $"'{key}' must be one of {string.Join(", ", allowed)}, got '{value}'");
        }

        return value;
    }

    private static double ReportWeight(YamlMapping map, YamlNode node)
    {
        map.Error(node, "each of 'exit_weights' must be a non-negative number");
        return 1;
    }
}
