using System.Runtime.InteropServices;
using EarlyExitBench.Architectures.VitEe;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Training;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Architectures;

/// <summary>
/// vit-ee against timm's own <c>VisionTransformer</c>: tools/make_vit_fixture.py builds a small ViT with timm's class
/// (img 32, patch 8, depth 4, width 72, 3 heads, MLP ×4, 10 classes) plus exits after blocks 0, 1, 2 in vit-ee's layout,
/// with random weights, and saves the checkpoint as timm does, the logits of every exit from timm's modules, and each
/// stage's FLOPs counted from the traced graph of timm's modules in both conventions. Committed, so no Python at test time.
/// </summary>
public class TimmVitTests(ITestOutputHelper output)
{
    private static readonly InputSpec Input = new(3, 32, 32, 10);

    private static readonly VitEeOptions Options = new() { PatchSize = 8, Depth = 4, Width = 72, Heads = 3, MlpRatio = 4, ExitBlocks = [0, 1, 2] };

    private static string Fixture(string name) => Path.Combine(TestPaths.RepoRoot, "tests", "EarlyExitBench.Tests", "Fixtures", "timm-vit", name);

    private static long[] Longs(IReadOnlyDictionary<string, NpyArray> npz, string key) => MemoryMarshal.Cast<byte, long>(npz[key].Data).ToArray();

    [Fact]
    public void ATimmCheckpointLoadsAsIsAndEveryExitAgreesWithTimmWithin1e5()
    {
        var npz = Npz.Read(Fixture("fixture.npz"));
        Assert.Equal(new long[] { 4, 3, 32, 32 }, npz["input"].Shape);
        Assert.Equal(new long[] { 4, 4, 10 }, npz["logits"].Shape);
        Assert.Equal(new long[] { 0, 1, 2, 3 }, Longs(npz, "exit_blocks"));
        var expected = MemoryMarshal.Cast<byte, float>(npz["logits"].Data).ToArray();
        manual_seed(0);
        using var model = new VitEeArchitecture(Options).Build(Input);
        using var scope = NewDisposeScope();
        model.eval();
        using var noGrad = no_grad();
        var x = tensor(MemoryMarshal.Cast<byte, float>(npz["input"].Data).ToArray(), [4, 3, 32, 32]);
        var untrained = stack(model.forward(x)).data<float>().ToArray();

        var loaded = PyTorchWeights.Load(model, Fixture("weights.pt"), "vit-ee");
        var actual = stack(model.forward(x)).data<float>().ToArray();

        Assert.Equal(68, loaded);
        for (var k = 0; k < 4; k++)
        {
            var diff = Enumerable.Range(k * 40, 40).Max(i => Math.Abs(expected[i] - actual[i]));
            output.WriteLine($"exit {k}: max |logit difference| over 4 images × 10 classes = {diff:E2}");
            Assert.True(diff <= 1e-5, $"exit {k}: max abs difference {diff}");
        }

        Assert.True(expected.Zip(untrained, (e, a) => Math.Abs(e - a)).Max() > 0.1, "a fresh model already agreed: the comparison proves nothing");
    }

    [Fact]
    public void ThePlainTimmKeysAreExactlyTheSingleExitVitsAndGiveTimmsLogits()
    {
        var npz = Npz.Read(Fixture("fixture.npz"));
        var expected = MemoryMarshal.Cast<byte, float>(npz["logits"].Data).ToArray()[120..];
        using var full = new VitEeArchitecture(Options).Build(Input);
        using var single = new VitEeArchitecture(new VitEeOptions { PatchSize = 8, Depth = 4, Width = 72, Heads = 3, MlpRatio = 4, ExitBlocks = [] }).Build(Input);
        using var scope = NewDisposeScope();
        PyTorchWeights.Load(full, Fixture("weights.pt"), "vit-ee");
        var timmOnly = full.state_dict().Where(e => !e.Key.StartsWith("exits.", StringComparison.Ordinal)).ToDictionary(e => e.Key, e => e.Value);

        Assert.Empty(PyTorchWeights.Mismatches(single.state_dict(), timmOnly));
        using (no_grad())
        {
            foreach (var (key, value) in single.state_dict())
            {
                value.copy_(timmOnly[key]);
            }
        }

        single.eval();
        using var noGrad = no_grad();
        var actual = single.forward(tensor(MemoryMarshal.Cast<byte, float>(npz["input"].Data).ToArray(), [4, 3, 32, 32]))[0].data<float>().ToArray();
        Assert.True(expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max() <= 1e-5);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public void FlopsPerStageEqualTheCountOfTimmsTracedGraph(int multiplyAdd)
    {
        var npz = Npz.Read(Fixture("fixture.npz"));
        var backbone = Longs(npz, $"backbone_flops{multiplyAdd}");
        var head = Longs(npz, $"head_flops{multiplyAdd}");

        var stages = new VitEeArchitecture(Options).Describe(Input, multiplyAdd);

        Assert.Equal(backbone, stages.Select(s => s.BackboneFlops));
        Assert.Equal(head, stages.Select(s => s.HeadFlops));
        var cumulative = 0L;
        for (var k = 0; k < stages.Count; k++)
        {
            cumulative += stages[k].BackboneFlops + stages[k].HeadFlops;
            output.WriteLine($"multiply-add = {multiplyAdd}: exit {k} costs {cumulative:N0} FLOPs (backbone {stages[k].BackboneFlops:N0}, head {stages[k].HeadFlops:N0})");
        }
    }

    [Fact]
    public void FlopsPerStageMatchAHandCountInBothConventions()
    {
        // T = 4×4 patches + 1 = 17 tokens of D = 72, 3 heads of d = 24, MLP hidden 288, 10 classes.
        // Multiply-adds of a block: qkv 17·72·216 = 264,384; proj 17·72·72 = 88,128; q·kᵀ and weights·v 2·3·17·17·24 = 41,616;
        //   fc1 and fc2 2·17·72·288 = 705,024 → 1,099,152. Everything else of a block: biases 17·(216 + 72 + 288 + 72) = 11,016;
        //   two LayerNorms 2·7·1,224 = 17,136; q scaled 1,224; softmax 5·3·289 = 4,335; GELU 17·288 = 4,896; two residual
        //   adds 2,448 → 41,055. Embedding: patch conv multiply-adds 3·64·72·16 = 221,184, its bias 1,152, positions 1,224.
        // Head: LayerNorm of the class token 7·72 = 504, linear 720 multiply-adds + 10 bias.
        const long blockMacs = 1_099_152, blockRest = 41_055, embedMacs = 221_184, embedRest = 2_376, headMacs = 720, headRest = 514;
        foreach (var multiplyAdd in new[] { 2, 1 })
        {
            var stages = new VitEeArchitecture(Options).Describe(Input, multiplyAdd);
            var block = (multiplyAdd * blockMacs) + blockRest;
            Assert.Equal(
                new[] { block + (multiplyAdd * embedMacs) + embedRest, block, block, block },
                stages.Select(s => s.BackboneFlops));
            Assert.All(stages, s => Assert.Equal((multiplyAdd * headMacs) + headRest, s.HeadFlops));
        }
    }

    [Fact]
    public void ExitBlocksPlaceTheExitsAndEmptyIsTimmsSingleExitVit()
    {
        var sparse = new VitEeOptions { PatchSize = 8, Depth = 4, Width = 72, Heads = 3, MlpRatio = 4, ExitBlocks = [1] };
        using var model = new VitEeArchitecture(sparse).Build(Input);
        var keys = model.state_dict().Keys.ToList();
        Assert.Contains("exits.1.norm.weight", keys);
        Assert.Contains("exits.1.head.bias", keys);
        Assert.DoesNotContain(keys, k => k.StartsWith("exits.0.", StringComparison.Ordinal) || k.StartsWith("heads.", StringComparison.Ordinal));
        Assert.Contains("norm.weight", keys);
        Assert.Contains("head.weight", keys);
        var full = new VitEeArchitecture(Options).Describe(Input);
        Assert.Equal(new[] { full[0].BackboneFlops + full[1].BackboneFlops, 2 * full[2].BackboneFlops }, model.Stages.Select(s => s.BackboneFlops));

        using var single = new VitEeArchitecture(new VitEeOptions { PatchSize = 8, Depth = 4, Width = 72, Heads = 3, MlpRatio = 4, ExitBlocks = [] }).Build(Input);
        Assert.Single(single.Stages);
        Assert.DoesNotContain(single.state_dict().Keys, k => k.StartsWith("exits.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { 3 })]
    [InlineData(new[] { 1, 0 })]
    [InlineData(new[] { -1 })]
    [InlineData(new[] { 1, 1 })]
    public void RejectsExitBlocksOutOfOrderOrRange(int[] blocks)
    {
        var ex = Assert.Throws<ArgumentException>(() => new VitEeArchitecture(new VitEeOptions { Depth = 4, ExitBlocks = blocks }));
        Assert.Contains("exit_blocks", ex.Message, StringComparison.Ordinal);
    }
}
