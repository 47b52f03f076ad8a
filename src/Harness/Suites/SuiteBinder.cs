using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Plugins;
using YamlDotNet.RepresentationModel;

namespace EarlyExitBench.Harness.Suites;

/// <summary>Binds a suite's root mapping to <see cref="Suite"/>, collecting every error and keeping every entry that binds.</summary>
internal static class SuiteBinder
{
    private static readonly string[] Devices = ["cpu", "cuda", "auto"];

    /// <summary>The suite, built from whatever bound; <paramref name="errors"/> says what did not.</summary>
    public static Suite Bind(YamlMappingNode root, string file, string baseDirectory, List<SuiteError> errors)
    {
        var map = new YamlMapping(root, file, errors);
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var name = ReadName(map);
        var seeds = ReadSeeds(map);
        var device = map.String("device", "cpu")!;
        if (!Devices.Contains(device))
        {
            map.Error(map.Get("device")!, $"'device' must be one of {string.Join(", ", Devices)}, got '{device}'");
        }

        var threads = map.Int("threads", null, 1, 1024);
        var costConvention = ReadCostConvention(map, locations);
        var output = ReadOutput(map, locations);
        var pluginDirs = ReadPluginFolders(map, baseDirectory, locations);
        var datasets = PluginEntries.List(map, "datasets", required: true, node => PluginEntries.Dataset(node, file, errors));
        var architectures = PluginEntries.List(map, "architectures", required: true, node => PluginEntries.Plugin(node, file, errors, "architecture"));
        var recipes = RecipeReader.Read(map, file, errors, locations);
        var calibrators = PluginEntries.List(map, "calibrators", required: false, node => PluginEntries.Plugin(node, file, errors, "calibrator"));
        var predictors = PluginEntries.List(map, "failure_predictors", required: false, node => PluginEntries.Plugin(node, file, errors, "failure predictor"));
        var policies = PluginEntries.List(map, "exit_policies", required: false, node => PluginEntries.Plugin(node, file, errors, "exit policy"));
        var evaluation = SuiteSections.Evaluation(map);
        var measurement = SuiteSections.Measurement(map, locations);
        map.RejectUnknownKeys("the suite");

        if (calibrators.Count == 0)
        {
            calibrators = [PluginEntries.Default("identity", root, file)];
        }

        if (predictors.Count == 0)
        {
            predictors = [PluginEntries.Default("msp", root, file)];
        }

        PluginEntries.ReportDuplicates(calibrators, "calibrator", errors);
        PluginEntries.ReportDuplicates(predictors, "failure predictor", errors);
        PluginEntries.ReportDuplicates(architectures, "architecture", errors);
        return new Suite(name ?? string.Empty, file, seeds, device, threads, output, pluginDirs, datasets, architectures, recipes, calibrators, predictors, policies, evaluation, measurement)
        {
            Locations = locations,
            CostConvention = costConvention,
        };
    }

    private static string ReadCostConvention(YamlMapping map, Dictionary<string, SourceLocation> locations)
    {
        var convention = map.String("cost_convention", Flops.EeBench)!;
        if (map.Get("cost_convention") is not { } node)
        {
            return convention;
        }

        locations["cost_convention"] = map.Location(node);
        if (!Suite.CostConventions.Contains(convention))
        {
            map.Error(node, $"'cost_convention' must be one of {string.Join(", ", Suite.CostConventions)}, got '{convention}'{Suggestions.DidYouMean(convention, Suite.CostConventions)}");
        }

        return convention;
    }

    private static string? ReadName(YamlMapping map)
    {
        var name = map.String("name");
        if (name is null)
        {
            map.Require("name");
        }
        else if (name.Length == 0 || !char.IsAsciiLetterOrDigit(name[0]) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            // The name is a folder under the output root: one plain segment, never '.', '..' or a hidden name.
            map.Error(map.Get("name")!, $"'name' must start with a letter or digit and hold only letters, digits, '-', '_' and '.', got '{name}'");
        }

        return name;
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

    /// <summary>Results are written under <c>output</c>: a relative path must stay inside the working directory.</summary>
    private static string ReadOutput(YamlMapping map, Dictionary<string, SourceLocation> locations)
    {
        var output = map.String("output", "results")!;
        if (map.Get("output") is not { } node)
        {
            return output;
        }

        locations["output"] = map.Location(node);
        if (string.IsNullOrWhiteSpace(output))
        {
            map.Error(node, "'output' must name a folder");
        }
        else if (!Path.IsPathRooted(output) && EscapesUpward(output))
        {
            map.Error(node, $"'output: {output}' leaves the working directory; a relative output folder must stay inside it (write an absolute path to put results elsewhere)");
        }

        return output;
    }

    private static List<string> ReadPluginFolders(YamlMapping map, string baseDirectory, Dictionary<string, SourceLocation> locations)
    {
        var folders = new List<string>();
        foreach (var node in map.Sequence("plugins") ?? [])
        {
            if (node is not YamlScalarNode { Value: { Length: > 0 } value } scalar || YamlMapping.IsNull(scalar))
            {
                map.Error(node, "each of 'plugins' must be a folder path");
                continue;
            }

            // Plugin folders are read, not written: relative to the suite file, and free to point anywhere.
            var full = Path.GetFullPath(Path.Combine(baseDirectory, value));
            if (!Directory.Exists(full))
            {
                map.Error(node, $"plugin folder '{value}' not found (looked in {full}; relative folders are relative to the suite file)");
                continue;
            }

            locations[$"plugins[{folders.Count}]"] = map.Location(node);
            folders.Add(full);
        }

        return folders;
    }

    /// <summary>True when a relative path climbs above its starting folder at some point (<c>..</c>, <c>a/../..</c>).</summary>
    internal static bool EscapesUpward(string relative)
    {
        var depth = 0;
        foreach (var segment in relative.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries))
        {
            depth += segment switch
            {
                "." => 0,
                ".." => -1,
                _ => 1,
            };
            if (depth < 0)
            {
                return true;
            }
        }

        return false;
    }
}
