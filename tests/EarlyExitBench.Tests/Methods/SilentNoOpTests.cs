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
using EarlyExitBench.Tests.Plugins;
using EarlyExitBench.Tests.Plugins.Calibrators;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Methods;

/// <summary>
/// A calibrator whose fit leaves miscalibrated validation data unchanged is reported as a silent no-op: a warning record
/// in the leaderboard's failures that changes no value, rank or exit code. The rule is <see cref="SilentNoOp"/>'s.
/// </summary>
[Collection("Console")]
public class SilentNoOpTests
{
    [Fact]
    public void AnUnfittedTemperatureIsFlaggedAtEveryMiscalibratedExit()
    {
        var (logits, labels) = TwoExits(seed: 1);
        var calibrator = new UnfittedTemperature();
        var outputs = new MultiExitOutputs(logits, [.. logits.Select(l => calibrator.Fit(l, labels, CancellationToken.None).Apply(l))]);

        var found = SilentNoOp.Find(logits, labels, outputs);

        Assert.Equal([0, 1], found.Select(f => f.Exit));
        Assert.All(found, f => Assert.InRange(f.Change, 0, SilentNoOp.Tolerance));
        // The ECE reported is that of the plain softmax, recomputed here: 15 equal-width bins of the top probability.
        Assert.Equal(Ece(logits[0], labels), found[0].Ece, 8);
        Assert.True(found[0].Ece >= SilentNoOp.EceThreshold);
    }

    [Fact]
    public void CalibratedLogitsThatOnlyShiftTheLogitsAreANoOpToo()
    {
        // softmax(z + 3) = softmax(z): compared as probabilities, not as logits.
        var (logits, labels) = TwoExits(seed: 2);
        var shifted = logits.Select(l => new ClassMatrix([.. l.Values.ToArray().Select(v => v + 3)], l.Rows, l.Columns)).ToList();
        var outputs = new MultiExitOutputs(logits, [.. shifted.Select(l => Probabilities.Softmax(l))]) { CalibratedLogits = shifted };

        Assert.Equal([0, 1], SilentNoOp.Find(logits, labels, outputs).Select(f => f.Exit));
    }

    [Fact]
    public void AChangeAboveTheToleranceOrWellCalibratedDataIsNoNoOp()
    {
        var (logits, labels) = TwoExits(seed: 3);
        // Exit 1 moved by 1e-5 towards uniform in every row; exit 2 left as it is.
        var moved = Probabilities.Softmax(logits[0]);
        var values = moved.Values.ToArray().Select(p => (float)((0.99999 * p) + (0.00001 / moved.Columns))).ToArray();
        var outputs = new MultiExitOutputs(logits, [new ClassMatrix(values, moved.Rows, moved.Columns), Probabilities.Softmax(logits[1])]);

        Assert.Equal([1], SilentNoOp.Find(logits, labels, outputs).Select(f => f.Exit));

        // Labels drawn from the softmax itself: calibrated, so leaving it unchanged is right.
        var (truth, drawn) = Synthetic.Calibrated(5000, 10, 1.5, seed: 4);
        var calibrated = Synthetic.Observe(truth, 10, row => row);
        Assert.True(Ece(calibrated, drawn) < SilentNoOp.EceThreshold);
        Assert.Empty(SilentNoOp.Find([calibrated], drawn, new MultiExitOutputs([calibrated], [Probabilities.Softmax(calibrated)])));
    }

    [Fact]
    public void TheRunRecordsOneWarningAndChangesNoOtherValueRankOrExitCode()
    {
        var dir = TestPaths.TempDirectory();
        var bundle = Path.Combine(dir, "overconfident.npz");
        var (validation, validationLabels) = TwoExits(seed: 5);
        var (test, testLabels) = TwoExits(seed: 6);
        BundleFile.Write(bundle, new LogitsBundle(validation, validationLabels, test, testLabels, [1.0, 2.0], "synthetic", "two-exit"));
        var catalog = PluginHost.Load([TestPaths.Plugins], Loggers.Silent, registrar =>
        {
            HostPlugins.Register(registrar);
            registrar.Add<ICalibrator>(new PluginInfo("unfitted-temperature", "netcal's bug: T is fitted, then dropped") { KeepsArgmax = true }, _ => new UnfittedTemperature());
        });

        var flagged = Evaluate(bundle, catalog, Path.Combine(dir, "with"), "identity", "unfitted-temperature", "temperature");
        var plain = Evaluate(bundle, catalog, Path.Combine(dir, "without"), "identity", "temperature");

        var warning = Assert.Single(flagged["failures"]!.AsArray());
        Assert.Equal(
            ("warning", "unfitted-temperature", SilentNoOp.Stage),
            ((string?)warning!["kind"], (string?)warning["plugin"], (string?)warning["stage"]));
        Assert.StartsWith("fitted on validation, its outputs at exits 1, 2 are the uncalibrated softmax", (string?)warning["message"], StringComparison.Ordinal);
        Assert.Empty(plain["failures"]!.AsArray());
        // The flagged calibrator's methods are ranked like any other; every other method's numbers are those of the run without it.
        var entries = Entries(flagged);
        Assert.Contains(entries.Keys, k => k.StartsWith("unfitted-temperature+", StringComparison.Ordinal));
        Assert.Equal(Entries(plain), entries.Where(e => !e.Key.StartsWith("unfitted-temperature+", StringComparison.Ordinal)).ToDictionary());
        Assert.All(flagged["groups"]![0]!["entries"]!.AsArray(), e => Assert.InRange((int)e!["rank"]!, 1, entries.Count));
    }

    [Fact]
    public void NoShippedCalibratorIsASilentNoOpOnTheExampleBundle()
    {
        // A real model's logits, every registered calibrator; the example must be miscalibrated enough for the rule to apply.
        var example = Path.Combine(TestPaths.RepoRoot, "examples", "tiny-bundle.npz");
        var read = BundleFile.Read(example);
        var identity = new MultiExitOutputs(read.ValidationLogits, [.. read.ValidationLogits.Select(l => Probabilities.Softmax(l))]);
        Assert.NotEmpty(SilentNoOp.Find(read.ValidationLogits, read.ValidationLabels, identity));
        var dir = TestPaths.TempDirectory();

        var code = Commands.Run(["evaluate", "--bundle", example, "--calibrators", string.Join(",", ShippedRegistry.Aliases(PluginKind.Calibrator)),
            "--failure-predictors", "msp", "--out", dir, "--bootstrap", "0", "--efficiency-bootstrap", "0"], new StringWriter());

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "leaderboard.json")))!["failures"]!.AsArray());
    }

    /// <summary>Two overconfident exits (true temperature 2) of 10 classes, 2,000 samples.</summary>
    private static (IReadOnlyList<ClassMatrix> Logits, int[] Labels) TwoExits(int seed)
    {
        var (first, labels) = CalibratorCases.Overconfident(2000, seed);
        var second = new ClassMatrix([.. first.Values.ToArray().Select(v => 1.5f * v)], first.Rows, first.Columns);
        return ([first, second], labels);
    }

    private static double Ece(ClassMatrix logits, int[] labels)
    {
        var (count, hits, confidence) = (new double[15], new double[15], new double[15]);
        for (var i = 0; i < logits.Rows; i++)
        {
            var row = logits.Row(i).ToArray().Select(v => (double)v).ToArray();
            var max = row.Max();
            var sum = row.Sum(v => Math.Exp(v - max));
            var p = 1 / sum; // exp(max − max) / Σ
            var bin = Math.Clamp((int)Math.Ceiling(p * 15) - 1, 0, 14);
            count[bin]++;
            confidence[bin] += p;
            hits[bin] += Array.IndexOf(row, max) == labels[i] ? 1 : 0;
        }

        return Enumerable.Range(0, 15).Sum(m => Math.Abs(hits[m] - confidence[m])) / logits.Rows;
    }

    private static JsonNode Evaluate(string bundle, PluginCatalog catalog, string folder, params string[] calibrators)
    {
        var location = new SourceLocation("test", 1, 1);
        ResolvedPlugin Resolve(string alias, PluginKind kind) => Assert.Single(PlanBuilder.Resolve([new PluginSpec(alias, new JsonObject(), location, location)], kind, catalog));
        var plan = PlanBuilder.FromBundle(
            bundle,
            BundleFile.ReadSummary(bundle),
            new MethodPlugins([.. calibrators.Select(c => Resolve(c, PluginKind.Calibrator))], [Resolve("msp", PluginKind.FailurePredictor)]),
            new EvaluationSpec(15, 0, 0),
            catalog,
            Loggers.Silent);
        new SuiteRunner(plan, new RunOptions(ModelCache.DefaultRoot(), UseCache: false, folder, "test", Shard.All), Loggers.Silent, new NoProgress()).Run(CancellationToken.None);
        return JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "leaderboard.json")))!;
    }

    /// <summary>Each entry's numbers by method; rank and tie fields are left out, as they depend on which other methods ran.</summary>
    private static Dictionary<string, string> Entries(JsonNode leaderboard) =>
        leaderboard["groups"]![0]!["entries"]!.AsArray().ToDictionary(
            e => $"{e!["calibrator"]}+{e["failure_predictor"]}+{e["exit_policy"]}",
            e => new JsonArray(e!["per_exit"]!.DeepClone(), e["efficiency"]!.DeepClone(), e["per_seed"]!.DeepClone()).ToJsonString());

    /// <summary>netcal's bug: the temperature is optimised, but the result is never stored, so T stays 1.</summary>
    private sealed class UnfittedTemperature : ICalibrator, IFittedCalibrator
    {
        private readonly double _temperature = 1;

        public IReadOnlyDictionary<string, double> Parameters => new Dictionary<string, double> { ["temperature"] = _temperature };

        // The optimiser's temperature is never written back: the fit returns the calibrator as it was.
        public IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken) => this;

        // Its own softmax, in double and rounded to float: not bit for bit the host's, within the rule's tolerance.
        public ClassMatrix Apply(ClassMatrix logits)
        {
            var values = new float[logits.Values.Length];
            var row = new double[logits.Columns];
            for (var i = 0; i < logits.Rows; i++)
            {
                Probabilities.SoftmaxRow(logits.Row(i), 1 / _temperature, row);
                for (var c = 0; c < row.Length; c++)
                {
                    values[(i * logits.Columns) + c] = (float)row[c];
                }
            }

            return new ClassMatrix(values, logits.Rows, logits.Columns);
        }
    }
}
