using System.Diagnostics;
using System.Text.Json.Nodes;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Cli;
using EarlyExitBench.Harness.Methods;
using EarlyExitBench.Harness.Pipeline;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Harness.Training;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Plugins;

/// <summary>
/// Plugins at the boundary (tests/TestPlugins/Hostile): a call that never returns is cut off at its time limit and fails
/// only its methods; a plugin that writes into what it is given changes nothing another method reads.
/// </summary>
[Collection("Console")]
public class PluginBoundaryTests(ITestOutputHelper output)
{
    [Fact]
    public void HungCallsTimeOutTheirMethodsFailAndTheRunFinishes()
    {
        var dir = TestPaths.TempDirectory();
        var bundle = ToyBundle.Write(dir);
        var clock = Stopwatch.StartNew();

        // 'hangs' sleeps forever and ignores its token; 'hangs-until-cancelled' waits for its token.
        var code = Commands.Run(["evaluate", "--bundle", bundle, "--calibrators", "identity,hangs", "--failure-predictors", "msp,hangs-until-cancelled",
            "--plugin-timeout", "1", "--out", dir, "--bootstrap", "0", "--efficiency-bootstrap", "0", "--plugins", TestPaths.TestPlugin("Hostile")], new StringWriter());

        clock.Stop();
        output.WriteLine($"evaluate, --plugin-timeout 1: exit code {code} ({(ExitCodes.PartialFailure == code ? "PartialFailure" : "?")}), {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(ExitCodes.PartialFailure, code);
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "leaderboard.json")))!;
        Assert.Empty(LeaderboardSchema.Errors(document.ToJsonString()));
        var failures = document["failures"]!.AsArray()
            .Select(f => (Kind: (string)f!["kind"]!, Plugin: (string)f["plugin"]!, Stage: (string)f["stage"]!, Message: (string)f["message"]!))
            .ToList();
        foreach (var failure in failures)
        {
            output.WriteLine($"failure: {failure}");
        }

        Assert.Equal(
            [("calibrator", "hangs", "fit (exit 1)", "timed out after 1 s; it ignored its cancellation token and was abandoned"),
             ("failure predictor", "hangs-until-cancelled", "fit", "timed out after 1 s (cancelled through its token)")],
            failures.Order());
        var entry = Assert.Single(document["groups"]![0]!["entries"]!.AsArray());
        Assert.Equal(("identity", "msp"), ((string)entry!["calibrator"]!, (string)entry["failure_predictor"]!));

        // Each timed-out call costs its 1 s limit, the abandoned one 1 s more to answer its token; the default limit is 600 s.
        Assert.InRange(clock.Elapsed.TotalSeconds, 3.0, 120);
    }

    [Fact]
    public void PluginsThatWriteIntoTheirInputsChangeNothingOtherMethodsSee()
    {
        var dir = TestPaths.TempDirectory();
        var bundle = ToyBundle.Write(dir);
        var catalog = PluginHost.Load([TestPaths.Plugins, TestPaths.TestPlugin("Hostile")], Loggers.Silent, HostPlugins.Register);

        var clean = Entries(Evaluate(bundle, catalog, Path.Combine(dir, "clean"), ["msp", "entropy"], ["patience"]));
        var spoilt = Evaluate(bundle, catalog, Path.Combine(dir, "spoilt"), ["writes-inputs", "msp", "entropy"], ["writes-inputs", "patience"]);

        // The writers ran to the end (their writes reached only views and copies) and come first, before the methods compared.
        Assert.Empty(spoilt["failures"]!.AsArray());
        var entries = Entries(spoilt);
        Assert.Contains(entries.Keys, k => k.Contains("writes-inputs", StringComparison.Ordinal));
        var others = entries.Where(e => !e.Key.Contains("writes-inputs", StringComparison.Ordinal)).ToDictionary();
        Assert.Equal(clean.Keys.Order(), others.Keys.Order());
        Assert.All(clean, e => Assert.Equal(e.Value, others[e.Key]));
    }

    [Fact]
    public void TheWritersDoOverwriteTheHostsArraysWhenHandedThemButNotThroughPluginInputs()
    {
        var catalog = PluginHost.Load([TestPaths.Plugins, TestPaths.TestPlugin("Hostile")], Loggers.Silent, HostPlugins.Register);
        var policy = Resolve("writes-inputs", PluginKind.ExitPolicy, catalog).Create<IExitPolicy>(Loggers.Silent, "test", 0);
        var predictor = Resolve("writes-inputs", PluginKind.FailurePredictor, catalog).Create<IFailurePredictor>(Loggers.Silent, "test", 0);

        // Handed raw arrays (what the host used to do), the writers reach every one.
        var (scores, predictions, labels, costs) = PolicyArrays();
        policy.Assign(new ExitPolicyInput([.. scores.Select(a => (ReadOnlyMemory<double>)a)], [.. predictions.Select(a => (ReadOnlyMemory<int>)a)], labels, [.. scores.Select(a => (ReadOnlyMemory<double>)a)], [.. predictions.Select(a => (ReadOnlyMemory<int>)a)], costs), CancellationToken.None);
        Assert.All(scores, s => Assert.All(s, v => Assert.Equal(0.0, v)));
        Assert.All(predictions, p => Assert.All(p, v => Assert.Equal(0, v)));
        Assert.Equal([0, 0, 0], labels);
        Assert.Equal([1.0, 1.0], costs);
        var (logits, confidence) = Outputs();
        predictor.Fit(new MultiExitOutputs(logits, logits) { CalibratedLogits = logits, MaxProbabilities = [confidence] }, [1, 2, 0], CancellationToken.None);
        Assert.Equal([0f, 0f, 0f, 0f, 0f, 0f], logits[0].Values.ToArray());
        Assert.Equal([0.0, 0.0, 0.0], confidence);

        // Through the host's boundary, nothing changes.
        (scores, predictions, labels, costs) = PolicyArrays();
        policy.Assign(PluginInputs.Policy(scores, predictions, labels, scores, predictions, costs), CancellationToken.None);
        var fresh = PolicyArrays();
        Assert.Equal(fresh.Scores, scores);
        Assert.Equal(fresh.Predictions, predictions);
        Assert.Equal(fresh.Labels, labels);
        Assert.Equal(fresh.Costs, costs);
        (logits, confidence) = Outputs();
        var original = logits[0];
        predictor.Fit(PluginInputs.Outputs(new MultiExitOutputs(logits, logits) { CalibratedLogits = logits, MaxProbabilities = [confidence] }), [1, 2, 0], CancellationToken.None);
        Assert.Same(original, logits[0]);
        Assert.Equal([0.5, 0.6, 0.7], confidence);
    }

    private static (double[][] Scores, int[][] Predictions, int[] Labels, double[] Costs) PolicyArrays() =>
        ([[0.1, 0.9, 0.5], [0.2, 0.8, 0.4]], [[1, 2, 3], [1, 2, 2]], [1, 2, 3], [2.0, 5.0]);

    private static (ClassMatrix[] Logits, double[] Confidence) Outputs() =>
        ([new ClassMatrix([1f, 2f, 3f, 4f, 5f, 6f], 3, 2)], [0.5, 0.6, 0.7]);

    private static ResolvedPlugin Resolve(string alias, PluginKind kind, PluginCatalog catalog)
    {
        var location = new SourceLocation("test", 1, 1);
        return Assert.Single(PlanBuilder.Resolve([new PluginSpec(alias, new JsonObject(), location, location)], kind, catalog));
    }

    /// <summary>Evaluates the bundle with the given predictors and exit policies (calibrators identity and temperature) and returns the leaderboard.</summary>
    private static JsonNode Evaluate(string bundle, PluginCatalog catalog, string folder, string[] predictors, string[] policies)
    {
        var plan = PlanBuilder.FromBundle(
            bundle,
            BundleFile.ReadSummary(bundle),
            new MethodPlugins(
                [Resolve("identity", PluginKind.Calibrator, catalog), Resolve("temperature", PluginKind.Calibrator, catalog)],
                [.. predictors.Select(p => Resolve(p, PluginKind.FailurePredictor, catalog))]),
            new EvaluationSpec(15, 0, 20),
            catalog,
            Loggers.Silent) with { ExitPolicies = [.. policies.Select(p => Resolve(p, PluginKind.ExitPolicy, catalog))] };
        new SuiteRunner(plan, new RunOptions(ModelCache.DefaultRoot(), UseCache: false, folder, "test", Shard.All), Loggers.Silent, new NoProgress()).Run(CancellationToken.None);
        return JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "leaderboard.json")))!;
    }

    /// <summary>Each entry's numbers by method; rank and tie fields are left out, as they depend on which other methods ran.</summary>
    private static Dictionary<string, string> Entries(JsonNode leaderboard) =>
        leaderboard["groups"]![0]!["entries"]!.AsArray().ToDictionary(
            e => $"{e!["calibrator"]}+{e["failure_predictor"]}+{e["exit_policy"]}",
            e => new JsonArray(e!["per_exit"]!.DeepClone(), e["efficiency"]!["score"]!.DeepClone(), e["efficiency"]!["score_ci"]!.DeepClone(), e["efficiency"]!["accuracy_at_budget"]!.DeepClone(), e["per_seed"]!.DeepClone()).ToJsonString());
}
