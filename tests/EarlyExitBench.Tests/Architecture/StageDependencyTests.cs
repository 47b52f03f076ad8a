using EarlyExitBench.Harness.Cli;
using Mono.Cecil;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Architecture;

/// <summary>
/// Harness namespaces are pipeline stages and point one way: a stage may name types of earlier stages only.
/// Dependencies are read from the compiled assembly (signatures, fields, base types, attributes and every
/// instruction of every method body, lambdas included), so a reference hidden in a method body counts too.
/// </summary>
public class StageDependencyTests(ITestOutputHelper output)
{
    private const string Prefix = "EarlyExitBench.Harness.";

    /// <summary>The stages in pipeline order; a folder not listed here fails the test until it is placed.</summary>
    private static readonly string[] Stages =
    [
        "Storage", "Results", "Plugins", "Suites", "Data", "Bundles", "Planning", "Training", "Evaluation", "Methods", "Measurement",
        "Cells", "Leaderboard", "Claims", "Reporting", "Cluster", "Pipeline", "Sandbox", "Submissions", "Site", "Cli",
    ];

    [Fact]
    public void NoStageNamesATypeOfALaterStage()
    {
        var graph = Graph();
        foreach (var (from, targets) in graph.OrderBy(p => Array.IndexOf(Stages, p.Key)))
        {
            output.WriteLine($"{from,-12} -> {string.Join(' ', targets.OrderBy(t => Array.IndexOf(Stages, t)))}");
        }

        var unplaced = graph.Keys.Concat(graph.Values.SelectMany(v => v)).Distinct().Where(s => !Stages.Contains(s)).ToList();
        Assert.True(unplaced.Count == 0, $"Harness folders not placed in the stage order: {string.Join(", ", unplaced)}");
        var backwards = graph
            .SelectMany(p => p.Value.Where(t => Array.IndexOf(Stages, t) > Array.IndexOf(Stages, p.Key)).Select(t => $"{p.Key} -> {t}"))
            .ToList();
        Assert.True(backwards.Count == 0, "stages that depend on a later stage: " + string.Join("; ", backwards));
    }

    /// <summary>
    /// The published format and its readers: what <c>report</c>, <c>compare</c> and <c>claims</c> see is the leaderboard's
    /// records in <c>Results</c>, never a pipeline record, so a pipeline change cannot change what a published file means.
    /// </summary>
    private static readonly Dictionary<string, string[]> Readers = new(StringComparer.Ordinal)
    {
        ["Results"] = ["Storage"],
        ["Claims"] = ["Storage", "Results"],
        ["Reporting"] = ["Storage", "Results", "Claims"],
    };

    /// <summary>
    /// Statistics functions the claims share with the pipeline (rank correlations and their bootstrap intervals, and the
    /// result those return): arithmetic on numbers read from the file, not pipeline records.
    /// </summary>
    private static readonly string[] SharedStatistics =
    [
        Prefix + "Evaluation.RankCorrelation", Prefix + "Evaluation.ProxyCorrelation", Prefix + "Evaluation.CorrelationResult",
    ];

    [Fact]
    public void ThePublishedFormatAndItsReadersReachNoPipelineRecord()
    {
        using var module = ModuleDefinition.ReadModule(typeof(Commands).Assembly.Location);
        var offending = new List<string>();
        foreach (var type in module.GetTypes())
        {
            var from = StageOf(IlReferences.OuterMost(type).Namespace);
            if (from is null || !Readers.TryGetValue(from, out var allowed))
            {
                continue;
            }

            offending.AddRange(IlReferences.Of(type)
                .Where(r => StageOf(r.Namespace) is { } stage && stage != from && !allowed.Contains(stage) && !SharedStatistics.Contains(r.FullName))
                .Select(r => $"{IlReferences.OuterMost(type).FullName} -> {r.FullName}"));
        }

        output.WriteLine(string.Join(Environment.NewLine, Readers.Select(r => $"{r.Key,-12} may use {string.Join(' ', r.Value)}")));
        Assert.True(offending.Count == 0, "published-format readers that reach pipeline records: " + string.Join("; ", offending.Distinct().Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void TheCheckSeesDependenciesInsideMethodBodies()
    {
        // Cli names Pipeline only inside command lambdas; if the walk missed bodies it would miss this edge.
        Assert.Contains("Pipeline", Graph()["Cli"]);
        Assert.Contains("Methods", Graph()["Leaderboard"]);
    }

    private static Dictionary<string, HashSet<string>> Graph()
    {
        using var module = ModuleDefinition.ReadModule(typeof(Commands).Assembly.Location);
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var from = StageOf(IlReferences.OuterMost(type).Namespace);
            if (from is null)
            {
                continue;
            }

            var targets = graph.TryGetValue(from, out var set) ? set : graph[from] = [];
            foreach (var referenced in IlReferences.Of(type).Select(r => StageOf(r.Namespace)).OfType<string>().Where(s => s != from))
            {
                targets.Add(referenced);
            }
        }

        return graph;
    }

    private static string? StageOf(string? ns)
    {
        if (ns is null || !ns.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[Prefix.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }
}
