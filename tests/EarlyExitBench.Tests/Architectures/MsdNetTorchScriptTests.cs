using System.Text.Json.Nodes;
using EarlyExitBench.Architectures.MsdNet;
using EarlyExitBench.Architectures.TorchScript;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Training;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Architectures;

/// <summary>
/// The reference MSDNet (kalviny/MSDNet-PyTorch's own modules) exported to TorchScript by
/// tools/export_msdnet_torchscript.py from the committed cifar-tiny.pth.tar, run as <c>torchscript</c>, against the native
/// <c>msdnet</c> (preset reference) loading that same .pth.tar: the costs the export counted from PyTorch's traced graph
/// against the native analytic count, the logits (the reference's own, written by tools/make_msdnet_fixture.py), and a
/// whole leaderboard.
/// </summary>
[Collection("Console")]
public class MsdNetTorchScriptTests(ITestOutputHelper output)
{
    private static readonly MsdNetFixture Fixture = MsdNetFixture.Load("cifar-tiny");

    private static string Exported => Path.Combine(TestPaths.RepoRoot, "tests", "EarlyExitBench.Tests", "Fixtures", "torchscript-msdnet", "cifar-tiny.ts.pt");

    private static TorchScriptArchitecture Architecture() => new(new TorchScriptOptions { File = Exported });

    [Fact]
    public void TheExportsCountedCostsAreTheNativeMsdNetsAnalyticCosts()
    {
        var exported = Architecture().Describe(Fixture.Input);
        var native = new MsdNetArchitecture(Fixture.Options()).Describe(Fixture.Input);

        for (var k = 0; k < native.Count; k++)
        {
            output.WriteLine($"exit {k + 1}: native {native[k]}, export {exported[k]}");
        }

        Assert.Equal(native, exported);
    }

    [Fact]
    public void EveryExitsLogitsAreTheReferencesAndTheNativeModelsAlsoForRowSubsets()
    {
        using var native = new MsdNetArchitecture(Fixture.Options()).Build(Fixture.Input);
        Assert.Equal(native.state_dict().Count, PyTorchWeights.Load(native, Fixture.Checkpoint!, "msdnet"));
        using var model = Architecture().Build(Fixture.Input);
        using var scope = NewDisposeScope();
        model.eval();
        native.eval();
        using var noGrad = no_grad();
        var x = Fixture.InputBatch();
        var expected = Fixture.Logits();

        var logits = model.forward(x);
        var nativeLogits = native.forward(x);
        for (var k = 0; k < logits.Length; k++)
        {
            var toReference = (logits[k] - expected[k]).abs().max().item<float>();
            var toNative = (logits[k] - nativeLogits[k]).abs().max().item<float>();
            output.WriteLine($"exit {k + 1}: max |torchscript − reference PyTorch| = {toReference:E2}, max |torchscript − native msdnet| = {toNative:E2}");
            Assert.True(toReference <= 1e-5 && toNative <= 1e-5, $"exit {k + 1}: {toReference}, {toNative}");
        }

        // Dynamic inference: the second row leaves after exit 1; what stays gives the native model's logits for it.
        var (features, nativeFeatures) = (model.ForwardBlock(0, x), native.ForwardBlock(0, x));
        var rows = tensor(new long[] { 1 });
        (features, nativeFeatures) = (features.index_select(0, rows), nativeFeatures.index_select(0, rows));
        features = model.ForwardBlock(1, features);
        nativeFeatures = native.ForwardBlock(1, nativeFeatures);
        Assert.True(model.ForwardHead(1, features).allclose(native.ForwardHead(1, nativeFeatures), rtol: 1e-5, atol: 1e-5));
        Assert.True(model.ForwardHead(1, features).allclose(expected[1].index_select(0, rows), rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void ItsLeaderboardIsTheNativeMsdNetsOnTheSamePthTar()
    {
        var dir = TestPaths.TempDirectory();
        var data = WriteCifar100(Path.Combine(dir, "data"), train: 120, test: 48);
        JsonNode Run(string name, string architecture)
        {
            var suite = Path.Combine(dir, name + ".yaml");
            File.WriteAllText(suite, $$$"""
                name: {{{name}}}
                seeds: [0]
                threads: 1
                datasets:
                  - alias: cifar100
                    options: { path: {{{data}}} }
                    validation_size: 60
                architectures:
                {{{architecture}}}
                calibrators: [identity, temperature]
                failure_predictors: [msp, margin]
                evaluation: { bootstrap: 0, efficiency_bootstrap: 0 }
                measurement: { enabled: false }
                """);
            var run = InProcess.Run("run", suite, "--out", Path.Combine(dir, name), "--cache", Path.Combine(dir, "cache-" + name));
            Assert.True(run.Code == 0, run.Err);
            return JsonNode.Parse(File.ReadAllText(Path.Combine(dir, name, "leaderboard.json")))!["groups"]!.AsArray().Single()!;
        }

        var a = Run("native", $$"""
              - alias: msdnet
                weights: {{Fixture.Checkpoint}}
                options: { data: cifar, n_blocks: 2, step_mode: even, step: 2, base: 2, n_channels: 8, growth_rate: 4, gr_factor: 1-2-4, bn_factor: 1-2-4 }
            """);
        var b = Run("exported", $$"""
              - alias: torchscript
                options: { file: {{Exported}} }
                weights: {{Exported}}
            """);

        Assert.Equal("torchscript@cifar-tiny.ts", (string?)b["architecture"]);
        output.WriteLine($"exits native: {a["exits"]!.ToJsonString()}");
        output.WriteLine($"exits export: {b["exits"]!.ToJsonString()}");
        Assert.Equal(a["exits"]!.ToJsonString(), b["exits"]!.ToJsonString());
        foreach (var (e, n) in b["entries"]!.AsArray().Zip(a["entries"]!.AsArray()))
        {
            output.WriteLine($"{e!["rank"]} {e["calibrator"]} {e["failure_predictor"]} {e["exit_policy"]}: efficiency torchscript {e["efficiency"]!["score"]}, native msdnet {n!["efficiency"]!["score"]}");
        }

        var (entriesA, entriesB) = (a["entries"]!.ToJsonString(), b["entries"]!.ToJsonString());
        Assert.Contains("\"efficiency\"", entriesA, StringComparison.Ordinal);
        Assert.Equal(entriesA, entriesB);
    }

    /// <summary>
    /// CIFAR-100's binary layout (coarse label, fine label, 3×32×32 bytes per record) with random pixels. Random labels
    /// would put every exit at chance (100 classes); instead every second image is labelled with the native model's
    /// last-exit prediction on it, so exits are right and wrong on different images and the rankings have something to
    /// rank. The labels only shape the data: both runs are compared with each other, not with a number from here.
    /// </summary>
    private static string WriteCifar100(string directory, int train, int test)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(11);
        using var native = new MsdNetArchitecture(Fixture.Options()).Build(Fixture.Input);
        PyTorchWeights.Load(native, Fixture.Checkpoint!, "msdnet");
        native.eval();
        foreach (var (file, count) in new[] { ("train.bin", train), ("test.bin", test) })
        {
            var path = Path.Combine(directory, file);
            var bytes = new byte[count * 3074];
            random.NextBytes(bytes);
            for (var i = 0; i < count; i++)
            {
                bytes[i * 3074] = 0;
                bytes[(i * 3074) + 1] = (byte)random.Next(100);
            }

            File.WriteAllBytes(path, bytes);
            var (pixels, labels) = CifarReader.Read([path], 2, 100);
            using (var scope = NewDisposeScope())
            using (no_grad())
            {
                var (x, _) = Batches.Make(new ImageSet(pixels, labels, Fixture.Input), Enumerable.Range(0, count).ToArray(), CPU);
                var predicted = native.forward(x)[^1].argmax(1).data<long>().ToArray();
                for (var i = 0; i < count; i += 2)
                {
                    bytes[(i * 3074) + 1] = (byte)predicted[i];
                }
            }

            File.WriteAllBytes(path, bytes);
        }

        return directory;
    }
}
