using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Training;

/// <summary>
/// A suite's <c>weights:</c> on an architecture: the model is loaded, not trained, and measured like any other. The weights
/// and logits were written by real PyTorch (tools/make_pytorch_fixture.py); the suite's test set is the fixture's 8 images.
/// </summary>
[Collection("Console")]
public class ImportedWeightsTests
{
    private static string Fixture(string name) => Path.Combine(TestPaths.RepoRoot, "tests", "EarlyExitBench.Tests", "Fixtures", "pytorch-branchy-lenet", name);

    /// <summary>A dataset folder whose test split is the fixture's 8 images; the suite beside it names <paramref name="architecture"/>.</summary>
    private static (string Dir, string Suite) Setup(string architecture)
    {
        var dir = TestPaths.TempDirectory();
        var data = SyntheticIdx.Write(Path.Combine(dir, "data"), train: 300, test: 8);
        var images = Npz.Read(Fixture("fixture.npz"))["images"];
        SyntheticIdx.Save(Path.Combine(data, "t10k-images-idx3-ubyte"), SyntheticIdx.ImagesFile(images.Data, 8), gzip: true);
        Directory.CreateDirectory(Path.Combine(dir, "models"));
        File.Copy(Fixture("weights.safetensors"), Path.Combine(dir, "models", "lenet-fixture.safetensors"));
        var suite = Path.Combine(dir, "suites", "imported.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(suite)!);
        File.WriteAllText(suite, $$$"""
            name: imported
            seeds: [0]
            threads: 1
            datasets:
              - alias: fashion-mnist
                options: { path: {{{data}}} }
                validation_size: 100
            architectures:
            {{{architecture}}}
            training: { epochs: 1, batch_size: 32, learning_rate: 0.01 }
            calibrators: [identity, temperature]
            failure_predictors: [msp, margin]
            evaluation: { bootstrap: 0, efficiency_bootstrap: 0 }
            """);
        return (dir, suite);
    }

    [Fact]
    public void ImportedWeightsAreEvaluatedWithPyTorchsLogitsAndNothingIsTrained()
    {
        var (dir, suite) = Setup("""
              - alias: branchy-lenet
                weights: ../models/lenet-fixture.safetensors
            """);

        var run = InProcess.Run("run", suite, "--out", Path.Combine(dir, "out"), "--cache", Path.Combine(dir, "cache"));

        Assert.True(run.Code == 0, run.Err);
        Assert.Contains("loaded 12 tensors from", run.Err + run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("training 1 epochs", run.Err + run.Out, StringComparison.Ordinal);
        var group = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "out", "leaderboard.json")))!["groups"]![0]!;
        Assert.Equal("branchy-lenet@lenet-fixture", (string?)group["architecture"]);
        Assert.Equal("pretrained", (string?)group["recipe"]);

        // The recorded test logits are PyTorch's, exit by exit: the weights, not an initialisation, were evaluated.
        var bundle = BundleFile.Read(Directory.GetFiles(Path.Combine(dir, "cache"), "*.npz", SearchOption.AllDirectories).Single());
        var expected = MemoryMarshal.Cast<byte, float>(Npz.Read(Fixture("fixture.npz"))["logits"].Data).ToArray();
        Assert.Equal(3, bundle.TestLogits.Count);
        var actual = bundle.TestLogits.SelectMany(l => l.Values.ToArray()).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max() <= 1e-5, "logits differ from PyTorch's by more than 1e-5");

        // The file's content is in the model key: other bytes, another cell.
        var plan = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "out", "plan.json")))!;
        var modelKey = (string?)plan["cells"]![0]!["model_key"];
        var weights = Path.Combine(dir, "models", "lenet-fixture.safetensors");
        File.Copy(Fixture("weights.pt"), Path.ChangeExtension(weights, ".pt"));
        File.WriteAllText(suite, File.ReadAllText(suite).Replace("lenet-fixture.safetensors", "lenet-fixture.pt", StringComparison.Ordinal));
        var planned = InProcess.Run("plan", suite, "--json");
        Assert.True(planned.Code == 0, planned.Err);
        Assert.NotEqual(modelKey, (string?)JsonNode.Parse(planned.Out)!["cells"]![0]!["model_key"]);
    }

    [Fact]
    public void WeightsThatDoNotFitFailTheirCellAloneNamingTheKeys()
    {
        var (dir, suite) = Setup("""
              - alias: branchy-lenet
                options: { channels: [8, 16, 32] }
                weights: ../models/lenet-fixture.safetensors
              - alias: branchy-lenet
                options: { channels: [4, 8], head_grid: 2 }
            """);

        var run = InProcess.Run("run", suite, "--out", Path.Combine(dir, "out"), "--cache", Path.Combine(dir, "cache"));

        Assert.Equal(1, run.Code);
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "out", "leaderboard.json")))!;
        var failure = document["failures"]!.AsArray().Single()!;
        Assert.Equal("load weights", (string?)failure["stage"]);
        Assert.Contains("shape mismatches: blocks.0.0.weight: file [16, 1, 3, 3], model [8, 1, 3, 3]", (string?)failure["message"], StringComparison.Ordinal);
        Assert.Single(document["groups"]!.AsArray());
    }

    [Fact]
    public void ValidateNamesTheLineOfAMissingOrUnreadableWeightsFile()
    {
        var (_, suite) = Setup("""
              - alias: branchy-lenet
                weights: ../models/absent.safetensors
              - alias: branchy-lenet
                options: { channels: [4, 8] }
                weights: ../models/lenet-fixture.onnx
            """);
        File.AppendAllText(suite, "\nexit_policies: [{alias: budget, weights: x.pt}]\n");

        var result = InProcess.Run("validate", suite);

        Assert.Equal(2, result.Code);
        Assert.Contains($"{suite}:10:", result.Err, StringComparison.Ordinal);
        Assert.Contains("weights file '", result.Err, StringComparison.Ordinal);
        Assert.Contains("absent.safetensors' not found (a relative path is read from the suite's folder)", result.Err, StringComparison.Ordinal);
        Assert.Contains($"{suite}:13:", result.Err, StringComparison.Ordinal);
        Assert.Contains("must be a .pt, .pth, .bin (torch.save of a state_dict), .pth.tar (a checkpoint dict with a state_dict) or .safetensors file", result.Err, StringComparison.Ordinal);
        Assert.Contains("unknown key 'weights' in an exit policy entry", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
    }
}
