using System.Runtime.InteropServices;
using EarlyExitBench.Architectures.BranchyLeNet;
using EarlyExitBench.Architectures.ResNetSdn;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Training;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Training;

/// <summary>
/// Weights and logits written by real PyTorch (tools/make_pytorch_fixture.py, Debian's python3-torch), committed so CI
/// needs no Python: eebench's branchy-lenet with those weights must give PyTorch's logits on the same images.
/// </summary>
public class PyTorchWeightsTests(ITestOutputHelper output)
{
    private static readonly InputSpec Input = new(1, 28, 28, 10);

    private static string Fixture(string name) => Path.Combine(TestPaths.RepoRoot, "tests", "EarlyExitBench.Tests", "Fixtures", "pytorch-branchy-lenet", name);

    private static (ImageSet Images, float[] Logits) Expected()
    {
        var npz = Npz.Read(Fixture("fixture.npz"));
        var images = npz["images"];
        Assert.Equal("|u1", images.Descr);
        Assert.Equal(new long[] { 3, 8, 10 }, npz["logits"].Shape);
        return (new ImageSet(images.Data, new int[8], Input), MemoryMarshal.Cast<byte, float>(npz["logits"].Data).ToArray());
    }

    private static float[] Logits(MultiExitModule model, ImageSet images)
    {
        using var scope = NewDisposeScope();
        model.eval();
        using var noGrad = no_grad();
        var (x, _) = Batches.Make(images, Enumerable.Range(0, images.Count).ToArray(), CPU);
        return stack(model.forward(x)).data<float>().ToArray();
    }

    [Theory]
    [InlineData("weights.pt")]
    [InlineData("weights.safetensors")]
    public void LogitsAgreeWithPyTorchWithin1e5(string file)
    {
        var (images, expected) = Expected();
        manual_seed(0);
        using var model = new BranchyLeNetArchitecture(new BranchyLeNetOptions()).Build(Input);
        var untrained = Logits(model, images);

        var loaded = PyTorchWeights.Load(model, Fixture(file), "branchy-lenet");
        var actual = Logits(model, images);

        Assert.Equal(12, loaded);
        var maxDiff = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        output.WriteLine($"{file}: max |logit difference| over 3 exits × 8 images × 10 classes = {maxDiff:E2}");
        Assert.True(maxDiff <= 1e-5, $"max abs difference {maxDiff}");
        Assert.True(expected.Zip(untrained, (e, a) => Math.Abs(e - a)).Max() > 0.1, "a fresh model already agreed: the comparison proves nothing");
    }

    [Fact]
    public void MisShapedKeysAreListedAndNothingIsCopied()
    {
        using var model = new BranchyLeNetArchitecture(new BranchyLeNetOptions { Channels = [8, 32, 64] }).Build(Input);
        var before = model.state_dict()["blocks.1.0.bias"].clone();

        var ex = Assert.Throws<InvalidDataException>(() => PyTorchWeights.Load(model, Fixture("weights.pt"), "branchy-lenet"));

        Assert.Equal(
            $"{Fixture("weights.pt")}: the weights do not fit branchy-lenet: shape mismatches: blocks.0.0.weight: file [16, 1, 3, 3], model [8, 1, 3, 3], "
            + "blocks.0.0.bias: file [16], model [8], blocks.1.0.weight: file [32, 16, 3, 3], model [32, 8, 3, 3], heads.0.2.weight: file [10, 256], model [10, 128]",
            ex.Message);
        Assert.True(model.state_dict()["blocks.1.0.bias"].allclose(before, 0, 0)); // blocks.1.0.bias fits, but the load is all or nothing
    }

    [Fact]
    public void MissingAndUnexpectedKeysAreListed()
    {
        using var model = new ResNetSdnArchitecture(new ResNetSdnOptions { Widths = [4], HeadGrid = 1 }).Build(Input);

        var ex = Assert.Throws<InvalidDataException>(() => PyTorchWeights.Load(model, Fixture("weights.safetensors"), "resnet-sdn"));

        Assert.Contains("the weights do not fit resnet-sdn: missing keys: stem.0.weight, stem.1.weight, stem.1.bias, blocks.0.conv1.weight,", ex.Message, StringComparison.Ordinal);
        Assert.Contains(", stem.1.running_mean, stem.1.running_var, stem.1.num_batches_tracked, ", ex.Message, StringComparison.Ordinal); // buffers count too
        Assert.Contains("; unexpected keys: blocks.0.0.bias, blocks.0.0.weight, blocks.1.0.bias,", ex.Message, StringComparison.Ordinal);
        Assert.Contains("; shape mismatches: heads.0.2.weight: file [10, 256], model [10, 4]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadFilesAreNamed()
    {
        using var model = new BranchyLeNetArchitecture(new BranchyLeNetOptions()).Build(Input);
        var dir = TestPaths.TempDirectory();
        var missing = Path.Combine(dir, "none.pt");
        var npy = Path.Combine(dir, "w.npy");
        var corrupt = Path.Combine(dir, "corrupt.pt");
        File.WriteAllText(npy, "x");
        File.WriteAllText(corrupt, "PK\u0003\u0004 not really a zip");

        Assert.Equal($"{missing}: weights file not found", Assert.Throws<InvalidDataException>(() => PyTorchWeights.Load(model, missing, "m")).Message);
        Assert.StartsWith($"{npy}: unknown weights format '.npy'", Assert.Throws<InvalidDataException>(() => PyTorchWeights.Load(model, npy, "m")).Message, StringComparison.Ordinal);
        Assert.StartsWith($"{corrupt}: cannot read PyTorch weights (", Assert.Throws<InvalidDataException>(() => PyTorchWeights.Load(model, corrupt, "m")).Message, StringComparison.Ordinal);
    }
}
