using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace EarlyExitBench.Harness.Suites;

/// <summary>Binds the suite's plugin lists: each entry an alias or a mapping with <c>alias</c> and <c>options</c>.</summary>
internal static class PluginEntries
{
    /// <summary>The entries of <paramref name="key"/> that bind; an absent optional list is empty.</summary>
    public static List<T> List<T>(YamlMapping map, string key, bool required, Func<YamlNode, T?> read)
        where T : class
    {
        var nodes = required ? (map.Require(key) is null ? null : map.Sequence(key)) : map.Sequence(key);
        if (nodes is null)
        {
            return [];
        }

        if (required && nodes.Count == 0)
        {
            map.Error(map.Get(key)!, $"'{key}' must list at least one entry");
        }

        return nodes.Select(read).OfType<T>().ToList();
    }

    /// <summary>A method's default entry, placed at the top of the suite.</summary>
    public static PluginSpec Default(string alias, YamlNode root, string file)
    {
        var at = new SourceLocation(file, root.Start.Line, root.Start.Column);
        return new PluginSpec(alias, [], at, at);
    }

    public static void ReportDuplicates(IReadOnlyList<PluginSpec> specs, string kind, List<SuiteError> errors)
    {
        foreach (var group in specs.GroupBy(s => (s.Alias, s.OptionsJson, s.Weights)).Where(g => g.Count() > 1))
        {
            var first = group.First().Location;
            errors.Add(new SuiteError(group.Skip(1).First().Location, $"{kind} '{group.Key.Alias}' is listed twice with the same options (first at line {first.Line})"));
        }
    }

    public static PluginSpec? Plugin(YamlNode node, string file, List<SuiteError> errors, string kind)
    {
        var at = new SourceLocation(file, node.Start.Line, node.Start.Column);
        if (node is YamlScalarNode { Value: { Length: > 0 } alias } scalar && !YamlMapping.IsNull(scalar))
        {
            return new PluginSpec(alias, [], at, at);
        }

        if (node is not YamlMappingNode mapping)
        {
            errors.Add(new SuiteError(at, $"{Article(kind)} {kind} is an alias or a mapping with 'alias' and optional 'options'"));
            return null;
        }

        var map = new YamlMapping(mapping, file, errors);
        var name = Alias(map);
        var options = Options(map);

        // Only an architecture has weights; anywhere else 'weights' is an unknown key like any other.
        var weights = kind == "architecture" ? map.String("weights") : null;
        map.RejectUnknownKeys($"{Article(kind)} {kind} entry");
        return name is null ? null : new PluginSpec(name, options.Json, map.Location(map.Get("alias")!), options.At ?? at)
        {
            OptionLocations = options.Keys,
            Weights = weights is null ? null : Path.GetFullPath(weights, Path.GetDirectoryName(Path.GetFullPath(file))!),
            WeightsLocation = weights is null ? null : map.Location(map.Get("weights")!),
        };
    }

    public static DatasetSpec? Dataset(YamlNode node, string file, List<SuiteError> errors)
    {
        var at = new SourceLocation(file, node.Start.Line, node.Start.Column);
        if (node is YamlScalarNode { Value: { Length: > 0 } alias } scalar && !YamlMapping.IsNull(scalar))
        {
            return new DatasetSpec(new PluginSpec(alias, [], at, at), 5000, null, null);
        }

        if (node is not YamlMappingNode mapping)
        {
            errors.Add(new SuiteError(at, "a dataset is an alias or a mapping with 'alias', 'options', 'validation_size', 'train_limit', 'test_limit', 'download', 'calibration', 'calibration_seed', 'calibration_overlap'"));
            return null;
        }

        var map = new YamlMapping(mapping, file, errors);
        var name = Alias(map);
        var options = Options(map);
        var validation = map.Int("validation_size", 5000, 1);
        var trainLimit = map.Int("train_limit", null, 1);
        var testLimit = map.Int("test_limit", null, 1);
        var download = map.String("download", "false");
        var calibration = map.String("calibration", "train-split");
        if (calibration is not ("train-split" or "test-split" or "test"))
        {
            map.Error(map.Get("calibration")!, $"'calibration' is train-split, test-split or test, not '{calibration}'");
        }

        var calibrationSeed = map.Int("calibration_seed", null);
        var overlap = map.String("calibration_overlap", "refused");
        if (overlap is not ("allowed" or "refused"))
        {
            map.Error(map.Get("calibration_overlap")!, $"'calibration_overlap' is allowed or refused, not '{overlap}'");
        }

        if (download is not ("true" or "false"))
        {
            map.Error(map.Get("download")!, $"'download' is true or false, not '{download}'");
        }

        map.RejectUnknownKeys("a dataset entry");
        return name is null
            ? null
            : new DatasetSpec(new PluginSpec(name, options.Json, map.Location(map.Get("alias")!), options.At ?? at) { OptionLocations = options.Keys }, validation!.Value, trainLimit, testLimit)
            {
                Download = download == "true",
                Calibration = calibration!,
                CalibrationSeed = calibrationSeed,
                CalibrationOverlap = overlap == "allowed",
                CalibrationLocation = map.Get("calibration") is { } c ? map.Location(c) : at,
            };
    }

    private static string? Alias(YamlMapping map)
    {
        var name = map.String("alias");
        if (name is null)
        {
            map.Require("alias");
        }

        return name;
    }

    private static (JsonObject Json, SourceLocation? At, IReadOnlyDictionary<string, SourceLocation> Keys) Options(YamlMapping map)
    {
        var node = map.Get("options");
        switch (node)
        {
            case null:
                return ([], null, new Dictionary<string, SourceLocation>());
            case YamlMappingNode options:
                var keys = options.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not null)
                    .ToDictionary(k => k.Value!, map.Location, StringComparer.Ordinal);
                return ((JsonObject)YamlMapping.ToJson(options)!, map.Location(options), keys);
            case YamlScalarNode s when YamlMapping.IsNull(s):
                return ([], map.Location(s), new Dictionary<string, SourceLocation>());
            default:
                map.Error(node, "'options' must be a mapping");
                return ([], null, new Dictionary<string, SourceLocation>());
        }
    }

    private static string Article(string word) => "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";
}
