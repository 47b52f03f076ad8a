using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using EarlyExitBench.Architectures.BranchyLeNet;
using EarlyExitBench.Architectures.TorchScript;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Training;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Architectures;

/// <summary>
/// <c>torchscript</c> on branchy-lenet exported from PyTorch by tools/export_torchscript.py (the weights of the
/// pytorch-branchy-lenet fixture, its PyTorch class): it must give what the native <c>branchy-lenet</c> gives with the
/// same weights: the logits, the costs (counted by the export from PyTorch's traced graph, here against eebench's
/// analytic count) and a whole leaderboard.
/// </summary>
[Collection("Console")]
public class TorchScriptTests(ITestOutputHelper output)
{
    private static readonly InputSpec Input = new(1, 28, 28, 10);

    private static string Exported => Path.Combine(TestPaths.RepoRoot, "tests", "EarlyExitBench.Tests", "Fixtures", "torchscript-branchy-lenet", "branchy-lenet.ts.pt");

    private static string Native(string name) => Path.Combine(TestPaths.RepoRoot, "tests", "EarlyExitBench.Tests", "Fixtures", "pytorch-branchy-lenet", name);

    private static TorchScriptArchitecture Architecture(string file) => new(new TorchScriptOptions { File = file });

    [Fact]
    public void TheExportsCountedCostsAreTheNativeAnalyticCosts()
    {
        var exported = Architecture(Exported).Describe(Input);
        var native = new BranchyLeNetArchitecture(new BranchyLeNetOptions()).Describe(Input);

        Assert.Equal(native, exported);
        output.WriteLine(string.Join("\n", exported));
    }

    [Fact]
    public void EveryExitsLogitsAreTheNativeModelsOnTheSameWeightsAlsoForRowSubsets()
    {
        var npz = Npz.Read(Native("fixture.npz"));
        var images = new ImageSet(npz["images"].Data, new int[8], Input);
        var expected = MemoryMarshal.Cast<byte, float>(npz["logits"].Data).ToArray();
        using var native = new BranchyLeNetArchitecture(new BranchyLeNetOptions()).Build(Input);
        PyTorchWeights.Load(native, Native("weights.pt"), "branchy-lenet");
        using var model = Architecture(Exported).Build(Input);
        using var scope = NewDisposeScope();
        model.eval();
        native.eval();
        using var noGrad = no_grad();
        var (x, _) = Batches.Make(images, Enumerable.Range(0, 8).ToArray(), CPU);

        var logits = model.forward(x);
        var fromPyTorch = expected.Zip(stack(logits).data<float>().ToArray(), (e, a) => Math.Abs(e - a)).Max();
        output.WriteLine($"max |logit difference| to PyTorch's own logits: {fromPyTorch:E2}");
        Assert.True(fromPyTorch <= 1e-5, $"{fromPyTorch}");

        // Dynamic inference: rows leave between stages; what stays gives the native model's logits for those rows.
        var (features, nativeFeatures) = (x, x);
        var rows = tensor(new long[] { 1, 4, 6 });
        for (var k = 0; k < 3; k++)
        {
            features = model.ForwardBlock(k, features);
            nativeFeatures = native.ForwardBlock(k, nativeFeatures);
            Assert.True(model.ForwardHead(k, features).allclose(native.ForwardHead(k, nativeFeatures), rtol: 1e-5, atol: 1e-5), $"exit {k}");
            if (k == 0)
            {
                (features, nativeFeatures) = (features.index_select(0, rows), nativeFeatures.index_select(0, rows));
            }
        }
    }

    [Fact]
    public void ItsStateDictIsTheExportsOwnSoTheExportLoadsAsWeights()
    {
        using var model = Architecture(Exported).Build(Input);
        var keys = model.state_dict().Keys.ToList();
        Assert.Contains("stages.0.0.weight", keys);
        Assert.Contains("heads.2.2.bias", keys);
        using (no_grad())
        {
            model.state_dict()["heads.2.2.bias"].zero_();
        }

        Assert.Equal(12, PyTorchWeights.Load(model, Exported, "torchscript"));
        Assert.True(model.state_dict()["heads.2.2.bias"].abs().sum().item<float>() > 0, "the load restored nothing");
    }

    [Fact]
    public void AFileWithoutTheManifestOrForAnotherInputSaysWhatToDo()
    {
        var missing = Assert.Throws<ArgumentException>(() => Architecture(Native("weights.pt")).Describe(Input));
        Assert.Contains("has no extra/eebench.json; export it with tools/export_torchscript.py", missing.Message, StringComparison.Ordinal);

        var shape = Assert.Throws<ArgumentException>(() => Architecture(Exported).Describe(new InputSpec(3, 32, 32, 10)));
        Assert.Contains("was exported for 1×28×28 inputs and 10 classes; the dataset gives 3×32×32 and 10", shape.Message, StringComparison.Ordinal);

        var absent = Assert.Throws<ArgumentException>(() => Architecture("absent.ts.pt").Describe(Input));
        Assert.Contains("not found", absent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ItsLeaderboardIsTheNativeOnesOnTheSameWeights()
    {
        var dir = TestPaths.TempDirectory();
        var data = SyntheticIdx.Write(Path.Combine(dir, "data"), train: 300, test: 64);
        Document Run(string name, string architecture)
        {
            var suite = Path.Combine(dir, name + ".yaml");
            File.WriteAllText(suite, $$$"""
                name: {{{name}}}
                seeds: [0, 1]
                threads: 1
                datasets:
                  - alias: fashion-mnist
                    options: { path: {{{data}}} }
                    validation_size: 100
                architectures:
                {{{architecture}}}
                calibrators: [identity, temperature]
                failure_predictors: [msp, margin]
                evaluation: { bootstrap: 0, efficiency_bootstrap: 0 }
                measurement: { enabled: true, samples: 16, batch_sizes: [1, 8], max_seconds: 0.2 }
                """);
            var run = InProcess.Run("run", suite, "--out", Path.Combine(dir, name), "--cache", Path.Combine(dir, "cache-" + name));
            Assert.True(run.Code == 0, run.Err);
            return new Document(JsonNode.Parse(File.ReadAllText(Path.Combine(dir, name, "leaderboard.json")))!);
        }

        var native = Run("native", $"""
              - alias: branchy-lenet
                weights: {Native("weights.pt")}
            """);
        var exported = Run("exported", $$"""
              - alias: torchscript
                options: { file: {{Exported}} }
                weights: {{Exported}}
            """);

        var (a, b) = (native.Group, exported.Group);
        Assert.Equal("branchy-lenet@weights", (string?)a["architecture"]);
        Assert.Equal("torchscript@branchy-lenet.ts", (string?)b["architecture"]);
        Assert.Equal(a["exits"]!.ToJsonString(), b["exits"]!.ToJsonString());
        var (entriesA, entriesB) = (Strip(a["entries"]!), Strip(b["entries"]!));
        Assert.Equal(entriesA, entriesB);
        Assert.Contains("\"efficiency\"", entriesA, StringComparison.Ordinal);
        output.WriteLine($"exits: {b["exits"]!.ToJsonString()}");
        foreach (var (e, n) in b["entries"]!.AsArray().Zip(a["entries"]!.AsArray()))
        {
            output.WriteLine($"{e!["rank"]} {e["calibrator"]} {e["failure_predictor"]} {e["exit_policy"]}: efficiency torchscript {e["efficiency"]!["score"]}, native {n!["efficiency"]!["score"]}; "
                + $"accuracy at 50% {e["efficiency"]!["accuracy_at_budget"]!["0.5"]} / {n["efficiency"]!["accuracy_at_budget"]!["0.5"]}");
        }

        // Both were measured by dynamic inference, exit by exit, at the same FLOPs; the times are the machine's.
        Assert.Equal(native.ExitLatencies, exported.ExitLatencies);
        Assert.Equal(2 * 3, exported.ExitLatencies.Split(';').Length);
    }

    /// <summary>The entries without wall-clock figures, which differ between any two runs.</summary>
    private static string Strip(JsonNode entries)
    {
        var copy = JsonNode.Parse(entries.ToJsonString())!;
        Remove(copy);
        return copy.ToJsonString();

        static void Remove(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                foreach (var key in o.Select(p => p.Key).Where(IsTiming).ToList())
                {
                    o.Remove(key);
                }

                foreach (var (_, child) in o)
                {
                    Remove(child);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var child in array)
                {
                    Remove(child);
                }
            }
        }
    }

    private static bool IsTiming(string key) => key is "measured" or "measurement" || key.Contains("seconds", StringComparison.Ordinal) || key.Contains("time", StringComparison.Ordinal) || key.EndsWith("_ms", StringComparison.Ordinal);

    private sealed record Document(JsonNode Root)
    {
        public JsonNode Group => Root["groups"]!.AsArray().Single()!;

        /// <summary>(exit, batch size, relative FLOPs) of every exit-latency measurement of the first method measured.</summary>
        public string ExitLatencies => string.Join(";", Root["timing"]!["measurements"]!.AsArray()[0]!["measurement"]!["exit_latency"]!.AsArray()
            .Select(l => $"{l!["exit"]} {l["batch_size"]} {(double)l["relative_flops"]!:R}"));
    }
}
