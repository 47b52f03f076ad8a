using System.Text.Json;
using System.Text.Json.Nodes;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Methods;
using EarlyExitBench.Harness.Pipeline;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Methods;

/// <summary>A method is a unit: evaluated alone it gives what it gives within its cell; the global threshold is a registered policy.</summary>
public class CellEvaluatorTests
{
    private static readonly Lazy<PluginCatalog> Catalog = new(() => PluginHost.Load([TestPaths.Plugins], Loggers.Silent, HostPlugins.Register));

    [Fact]
    public void EachMethodEvaluatedAloneEqualsItsResultWithinTheCell()
    {
        var (context, bundle) = Cell(["identity", "temperature", "histogram"], ["msp", "entropy", "consistency"], ["budget", "patience"]);
        var whole = new CellEvaluator(Loggers.Silent).Evaluate(context, bundle);
        Assert.Empty(whole.Failures);
        Assert.Equal(3 * 3 * 3, whole.Methods.Count);
        foreach (var method in whole.Methods)
        {
            var alone = new CellEvaluator(Loggers.Silent).Evaluate(context, bundle, key => key == method.Key);
            var result = Assert.Single(alone.Methods);
            Assert.Equal(method.Key, result.Key);
            Assert.Equal(Json(method), Json(result));
            Assert.Equal(method.Evaluation.Sweep, result.Evaluation.Sweep);
            Assert.Equal(Json(whole.Fits.Single(f => f.Calibrator == method.Calibrator)), Json(Assert.Single(alone.Fits)));
        }
    }

    [Fact]
    public void GlobalThresholdIsARegisteredExitPolicyAndEveryPairHasIt()
    {
        var registration = Assert.Single(Catalog.Value[PluginKind.ExitPolicy].Entries, r => r.Alias == GlobalThresholdPolicy.Alias);
        Assert.True(GlobalThresholdPolicy.IsRegistration(registration));
        Assert.IsType<GlobalThresholdPolicy>(registration.Factory(new GlobalThresholdPolicy.Settings(), new PluginContext(Loggers.Silent, registration.Alias, 0)));
        Assert.DoesNotContain(Catalog.Value[PluginKind.ExitPolicy].Entries, r => r.Alias != GlobalThresholdPolicy.Alias && GlobalThresholdPolicy.IsRegistration(r));

        // A suite that names it gets it once, as every method has it anyway.
        var (context, bundle) = Cell(["identity"], ["msp", "margin"], [GlobalThresholdPolicy.Alias]);
        var methods = new CellEvaluator(Loggers.Silent).Evaluate(context, bundle).Methods;
        Assert.Equal(2, methods.Count);
        Assert.All(methods, m => Assert.True(m.Key.IsGlobalThreshold));
        Assert.Equal(["msp", "margin"], methods.Select(m => m.FailurePredictor));
    }

    [Fact]
    public void TheSweepGivesThePolicysOperatingPointsOneThresholdAtATime()
    {
        // Ties within and across exits, and a score that never reaches any threshold before the last exit.
        var random = new Random(3);
        const int n = 200;
        var scores = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble(), 1)).ToArray()).ToArray();
        var correct = Enumerable.Range(0, 3).Select(k => Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.5 + (0.2 * k)).ToArray()).ToArray();
        double[] costs = [1, 2.5, 4];
        var input = new ExitPolicyInput([], [], Array.Empty<int>(), [.. scores.Select(s => (ReadOnlyMemory<double>)s)], [], costs);
        var assignments = new GlobalThresholdPolicy().Assign(input, CancellationToken.None);
        var expected = assignments.Select(a => (
            Accuracy: (double)a.ExitPerSample.Select((e, i) => correct[e][i]).Count(c => c) / n,
            Cost: a.ExitPerSample.Select(e => costs[e]).Sum() / n)).ToList();
        var sweep = ExitSweep.Sweep(scores, correct, costs);
        Assert.Equal(expected.Count, sweep.Count);
        for (var p = 0; p < sweep.Count; p++)
        {
            Assert.Equal(expected[p].Accuracy, sweep[p].Accuracy, 12);
            Assert.Equal(expected[p].Cost, sweep[p].MeanCost, 9);
        }
    }

    [Fact]
    public void SweepsAndFittedScoresAreKeptOnlyWhenSomethingReadsThem()
    {
        var (context, bundle) = Cell(["identity", "temperature"], ["msp"], ["budget"]);
        var kept = new CellEvaluator(Loggers.Silent).Evaluate(context, bundle);
        var dropped = new CellEvaluator(Loggers.Silent, keepsSweeps: false).Evaluate(context, bundle);
        Assert.All(kept.Methods, m => Assert.NotEmpty(m.Evaluation.Sweep));
        Assert.All(dropped.Methods, m => Assert.Empty(m.Evaluation.Sweep));
        Assert.Equal(kept.Methods.Select(Json), dropped.Methods.Select(Json));

        // The fitted methods serve the measurement only; a plan that measures nothing keeps none.
        Assert.False(context.Plan.Measurement.Enabled);
        Assert.Empty(kept.Fitted);
        var measured = context with { Plan = context.Plan with { Measurement = context.Plan.Measurement with { Enabled = true } } };
        var fitted = new CellEvaluator(Loggers.Silent).Evaluate(measured, bundle).Fitted;
        Assert.Equal([("identity", "msp"), ("temperature", "msp")], fitted.Keys.Order());
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, EarlyExitBench.Harness.Storage.Json.Options); // as cell results are written (thresholds may be +∞)

    private static (CellContext Context, LogitsBundle Bundle) Cell(string[] calibrators, string[] predictors, string[] policies)
    {
        var random = new Random(11);
        ClassMatrix Logits(int[] labels, int exit) => new(
            Enumerable.Range(0, labels.Length * 5).Select(i => (float)((random.NextDouble() * 3) + (i % 5 == labels[i / 5] ? 0.8 * exit : 0))).ToArray(), labels.Length, 5);
        int[] Labels(int n) => Enumerable.Range(0, n).Select(_ => random.Next(5)).ToArray();
        var (validation, test) = (Labels(400), Labels(600));
        var bundle = new LogitsBundle(
            [.. Enumerable.Range(0, 3).Select(k => Logits(validation, k))], validation, [.. Enumerable.Range(0, 3).Select(k => Logits(test, k))], test, [1.0, 2.0, 3.5], "synthetic", "three-exit");
        var summary = new BundleSummary(bundle.Dataset, bundle.Architecture, bundle.Exits, bundle.Classes, bundle.ValidationLabels, bundle.TestLabels, bundle.ExitCost, new string('0', 64));
        var plan = PlanBuilder.FromBundle("test", summary, new MethodPlugins(Resolve(calibrators, PluginKind.Calibrator), Resolve(predictors, PluginKind.FailurePredictor)), new EvaluationSpec(15, 0, 25), Catalog.Value, Loggers.Silent)
            with { ExitPolicies = Resolve(policies, PluginKind.ExitPolicy) };
        return (new CellContext(plan, plan.Cells[0], Loggers.Silent, new PhaseTimer("test", Loggers.Silent), CancellationToken.None), bundle);
    }

    private static IReadOnlyList<ResolvedPlugin> Resolve(string[] aliases, PluginKind kind)
    {
        var location = new SourceLocation("test", 1, 1);
        return PlanBuilder.Resolve([.. aliases.Select(a => new PluginSpec(a, new JsonObject(), location, location))], kind, Catalog.Value);
    }
}
