using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EarlyExitBench.Harness.Suites;

/// <summary>Parses a suite file and binds it to <see cref="Suite"/>; every problem is collected with file, line and column.</summary>
public static class SuiteLoader
{
    private static readonly string[] Devices = ["cpu", "cuda", "auto"];

    /// <summary>Reads and binds <paramref name="path"/>; throws <see cref="SuiteException"/> with all errors.</summary>
    public static Suite Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // Name the file as the user wrote it, so editors and terminals can jump to file:line:col.
        var file = path;
        if (!File.Exists(path))
        {
            throw new SuiteException([new SuiteError(new SourceLocation(file, 1, 1), "suite file not found")]);
        }

        return Parse(File.ReadAllText(path), file, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Parses suite text; <paramref name="file"/> names it in errors, <paramref name="baseDirectory"/> resolves relative plugin folders.</summary>
    public static Suite Parse(string text, string file, string baseDirectory)
    {
        var errors = new List<SuiteError>();
        var stream = new YamlStream();
        var parser = new TrackingParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            var message = (ex.InnerException?.Message ?? ex.Message).Split(Environment.NewLine)[0];
            throw new SuiteException([new SuiteError(new SourceLocation(file, ex.Start.Line, ex.Start.Column), $"invalid YAML: {StripMark(message)}")]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail without a position (e.g. an unclosed '['): report where parsing stopped.
            var at = parser.LastGood;
            throw new SuiteException([new SuiteError(new SourceLocation(file, at.Line, at.Column), "invalid YAML after this point (an unclosed '[' or '{', or a stray quote?)")]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new SuiteException([new SuiteError(new SourceLocation(file, 1, 1), "a suite must be a YAML mapping (name:, datasets:, architectures:, ...)")]);
        }

        var map = new YamlMapping(root, file, errors);
        var name = map.String("name");
        if (name is null)
        {
            map.Require("name");
        }
        else if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            map.Error(map.Get("name")!, $"'name' may hold only letters, digits, '-', '_' and '.', got '{name}'");
        }

        var seeds = ReadSeeds(map);
        var device = map.String("device", "cpu")!;
        if (!Devices.Contains(device))
        {
            map.Error(map.Get("device")!, $"'device' must be one of {string.Join(", ", Devices)}, got '{device}'");
        }

        var threads = map.Int("threads", null, 1, 1024);
        var output = map.String("output", "results")!;
        var pluginDirs = (map.Sequence("plugins") ?? [])
            .Select(n => n is YamlScalarNode { Value: { } v } ? Path.GetFullPath(Path.Combine(baseDirectory, v)) : null)
            .OfType<string>()
            .ToList();

        var datasets = ReadList(map, "datasets", required: true, node => ReadDataset(node, file, errors));
        var architectures = ReadList(map, "architectures", required: true, node => ReadPlugin(node, file, errors, "architecture"));
        var recipes = RecipeReader.Read(map, file, errors);
        var calibrators = ReadList(map, "calibrators", required: false, node => ReadPlugin(node, file, errors, "calibrator"));
        var predictors = ReadList(map, "failure_predictors", required: false, node => ReadPlugin(node, file, errors, "failure predictor"));
        var policies = ReadList(map, "exit_policies", required: false, node => ReadPlugin(node, file, errors, "exit policy"));
        var evaluation = ReadEvaluation(map);
        var measurement = ReadMeasurement(map);
        map.RejectUnknownKeys("the suite");

        if (calibrators.Count == 0)
        {
            calibrators = [Default("identity", root, file)];
        }

        if (predictors.Count == 0)
        {
            predictors = [Default("msp", root, file)];
        }

        ReportDuplicates(calibrators, "calibrator", errors);
        ReportDuplicates(predictors, "failure predictor", errors);
        ReportDuplicates(architectures, "architecture", errors);
        if (errors.Count > 0)
        {
            throw new SuiteException(errors.OrderBy(e => e.Location.Line).ThenBy(e => e.Location.Column).ToList());
        }

        return new Suite(name!, file, seeds, device, threads, output, pluginDirs, datasets, architectures, recipes, calibrators, predictors, policies, evaluation!, measurement);
    }

    private static string Article(string word) => "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    private static string StripMark(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is already in front.
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        return index >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(index + 3)..] : message;
    }

    private static PluginSpec Default(string alias, YamlNode root, string file)
    {
        var at = new SourceLocation(file, root.Start.Line, root.Start.Column);
        return new PluginSpec(alias, [], at, at);
    }

    private static void ReportDuplicates(IReadOnlyList<PluginSpec> specs, string kind, List<SuiteError> errors)
    {
        foreach (var group in specs.GroupBy(s => (s.Alias, s.OptionsJson)).Where(g => g.Count() > 1))
        {
            errors.Add(new SuiteError(group.Skip(1).First().Location, $"{kind} '{group.Key.Alias}' is listed twice with the same options"));
        }
    }

    private static IReadOnlyList<int> ReadSeeds(YamlMapping map)
    {
        var nodes = map.Sequence("seeds");
        if (nodes is null)
        {
            return [0];
        }

        var seeds = nodes.Select(n => map.ToInt(n, "seeds", 0)).OfType<int>().ToList();
        if (nodes.Count == 0)
        {
            map.Error(map.Get("seeds")!, "'seeds' must list at least one seed");
        }
        else if (seeds.Distinct().Count() != seeds.Count)
        {
            map.Error(map.Get("seeds")!, "'seeds' lists a seed twice");
        }

        return seeds;
    }

    private static List<T> ReadList<T>(YamlMapping map, string key, bool required, Func<YamlNode, T?> read)
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

    private static PluginSpec? ReadPlugin(YamlNode node, string file, List<SuiteError> errors, string kind)
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
        var name = map.String("alias");
        if (name is null)
        {
            map.Require("alias");
        }

        var options = ReadOptions(map);
        map.RejectUnknownKeys($"{Article(kind)} {kind} entry");
        return name is null ? null : new PluginSpec(name, options.Json, map.Location(map.Get("alias")!), options.At ?? at);
    }

    private static (JsonObject Json, SourceLocation? At) ReadOptions(YamlMapping map)
    {
        var node = map.Get("options");
        switch (node)
        {
            case null:
                return ([], null);
            case YamlMappingNode options:
                return ((JsonObject)YamlMapping.ToJson(options)!, map.Location(options));
            case YamlScalarNode s when YamlMapping.IsNull(s):
                return ([], map.Location(s));
            default:
                map.Error(node, "'options' must be a mapping");
                return ([], null);
        }
    }

    private static DatasetSpec? ReadDataset(YamlNode node, string file, List<SuiteError> errors)
    {
        var at = new SourceLocation(file, node.Start.Line, node.Start.Column);
        if (node is YamlScalarNode { Value: { Length: > 0 } alias })
        {
            return new DatasetSpec(new PluginSpec(alias, [], at, at), 5000, null, null);
        }

        if (node is not YamlMappingNode mapping)
        {
            errors.Add(new SuiteError(at, "a dataset is an alias or a mapping with 'alias', 'options', 'validation_size', 'train_limit', 'test_limit'"));
            return null;
        }

        var map = new YamlMapping(mapping, file, errors);
        var name = map.String("alias");
        if (name is null)
        {
            map.Require("alias");
        }

        var options = ReadOptions(map);
        var validation = map.Int("validation_size", 5000, 1);
        var trainLimit = map.Int("train_limit", null, 1);
        var testLimit = map.Int("test_limit", null, 1);
        map.RejectUnknownKeys("a dataset entry");
        return name is null ? null : new DatasetSpec(new PluginSpec(name, options.Json, map.Location(map.Get("alias")!), options.At ?? at), validation!.Value, trainLimit, testLimit);
    }

    private static MeasurementSpec ReadMeasurement(YamlMapping parent)
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
        map.RejectUnknownKeys("'measurement'");
        return spec;
    }

    private static bool Invalid(YamlMapping map, string key, string message)
    {
        map.Error(map.Get(key)!, message);
        return false;
    }

    private static EvaluationSpec? ReadEvaluation(YamlMapping parent)
    {
        var defaults = new EvaluationSpec(15, 1000);
        if (parent.Section("evaluation") is not { } map)
        {
            return defaults;
        }

        var spec = new EvaluationSpec(map.Int("bins", 15, 1, 10_000)!.Value, map.Int("bootstrap", 1000, 0, 1_000_000)!.Value);
        map.RejectUnknownKeys("'evaluation'");
        return spec;
    }
}
