using EarlyExitBench.Architectures.VitEe;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Tests.Support;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Architectures;

public class VitEeTests
{
    private static MultiExitModule Build(InputSpec input, VitEeOptions options) => new VitEeArchitecture(options).Build(input);

    [Fact]
    public void CostsAndParametersMatchAHandCount()
    {
        using var model = Build(new InputSpec(1, 8, 8, 3), new VitEeOptions { PatchSize = 4, Depth = 1, Width = 4, Heads = 2, MlpRatio = 2 });

        // 2×2 patches + class token: T = 5 tokens of D = 4, 2 heads of d = 2, MLP hidden 8.
        // Patch conv 1→4, 4×4, bias: (2·16 + 1)·4·4 = 528; position add 5·4 = 20.
        // Block: two LayerNorms 2·7·20 = 280; qkv 5·(2·4 + 1)·12 = 540; q scaled 20; q·kᵀ 2·(2·5·2·5) = 200;
        //        softmax 5·(2·5·5) = 250; weights·v 2·(2·5·5·2) = 200; proj 5·9·4 = 180; two residual adds 40;
        //        fc1 5·9·8 = 360; GELU 40; fc2 5·17·4 = 340 → 2,450.
        // Head: LayerNorm of the class token 7·4 = 28; linear 4→3: 9·3 = 27 → 55.
        // Params: patch 16·4 + 4 = 68, class token 4, positions 20; block norms 16, qkv 60, proj 20, fc1 40, fc2 36;
        //         head norm 8, linear 15.
        Assert.Equal(new StageCost(528 + 20 + 2_450, 55, 68 + 4 + 20 + 172, 23), model.Stages[0]);
    }

    [Theory]
    [InlineData(1, 28, 28, 10, 4)]
    [InlineData(3, 32, 32, 100, 8)]
    public void BlockwiseForwardEqualsTheFullForward(int channels, int height, int width, int classes, int patch)
    {
        using var model = Build(new InputSpec(channels, height, width, classes), new VitEeOptions { PatchSize = patch, Depth = 3, Width = 16, Heads = 4 });
        using var scope = NewDisposeScope();
        manual_seed(3);
        model.eval();
        var x = randn(5, channels, height, width);

        var all = model.forward(x);
        var features = x;
        for (var k = 0; k < model.Stages.Count; k++)
        {
            features = model.ForwardBlock(k, features);
            var logits = model.ForwardHead(k, features);
            Assert.Equal(new long[] { 5, classes }, logits.shape);
            Assert.True(logits.allclose(all[k], rtol: 1e-6, atol: 1e-6), $"exit {k}");
        }
    }

    [Fact]
    public void AttentionMatchesAReferenceSoftmaxOfScaledDotProducts()
    {
        // Depth 1, one head: the block's attention output, recomputed from the state_dict with plain tensor algebra.
        using var model = Build(new InputSpec(1, 8, 8, 2), new VitEeOptions { PatchSize = 4, Depth = 1, Width = 6, Heads = 1, MlpRatio = 1 });
        using var scope = NewDisposeScope();
        model.eval();
        manual_seed(5);
        var tokens = randn(2, 5, 6);
        var sd = model.state_dict();

        var normed = nn.functional.layer_norm(tokens, [6], sd["blocks.0.norm1.weight"], sd["blocks.0.norm1.bias"], 1e-6);
        var qkv = normed.matmul(sd["blocks.0.attn.qkv.weight"].t()) + sd["blocks.0.attn.qkv.bias"];
        var (q, k, v) = (qkv[.., .., ..6], qkv[.., .., 6..12], qkv[.., .., 12..]);
        var attention = (q.matmul(k.transpose(1, 2)) / Math.Sqrt(6)).softmax(-1).matmul(v);
        var afterAttention = tokens + (attention.matmul(sd["blocks.0.attn.proj.weight"].t()) + sd["blocks.0.attn.proj.bias"]);
        var normed2 = nn.functional.layer_norm(afterAttention, [6], sd["blocks.0.norm2.weight"], sd["blocks.0.norm2.bias"], 1e-6);
        var hidden = nn.functional.gelu(normed2.matmul(sd["blocks.0.mlp.fc1.weight"].t()) + sd["blocks.0.mlp.fc1.bias"]);
        var expected = afterAttention + (hidden.matmul(sd["blocks.0.mlp.fc2.weight"].t()) + sd["blocks.0.mlp.fc2.bias"]);

        // Stage 0 embeds an image first; feed the block directly through a one-stage pass on tokens instead.
        var embedded = model.ForwardBlock(0, zeros(2, 1, 8, 8));
        Assert.Equal(new long[] { 2, 5, 6 }, embedded.shape);
        var block = model.named_modules().Single(m => m.name == "blocks.0").module as nn.Module<Tensor, Tensor>;
        Assert.True(block!.call(tokens).allclose(expected, rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void StateDictKeysFollowTimm()
    {
        using var model = Build(new InputSpec(3, 32, 32, 10), new VitEeOptions { Depth = 2, Width = 8, Heads = 2 });
        var keys = model.state_dict().Keys.ToHashSet();

        Assert.Contains("patch_embed.proj.weight", keys);
        Assert.Contains("cls_token", keys);
        Assert.Contains("pos_embed", keys);
        Assert.Contains("blocks.1.norm1.weight", keys);
        Assert.Contains("blocks.1.attn.qkv.bias", keys);
        Assert.Contains("blocks.0.attn.proj.weight", keys);
        Assert.Contains("blocks.0.mlp.fc2.weight", keys);
        Assert.Contains("exits.0.norm.bias", keys);
        Assert.Contains("exits.0.head.weight", keys);
        Assert.Contains("norm.weight", keys);
        Assert.Contains("head.bias", keys);
        Assert.DoesNotContain("exits.1.norm.bias", keys); // the last block's exit is timm's own norm + head
        Assert.Equal(new long[] { 1, 65, 8 }, model.state_dict()["pos_embed"].shape);
    }

    public static TheoryData<VitEeOptions> InvalidOptions() =>
    [
        new VitEeOptions { PatchSize = 0 },
        new VitEeOptions { Depth = 0 },
        new VitEeOptions { Width = 0 },
        new VitEeOptions { Heads = 0 },
        new VitEeOptions { Width = 10, Heads = 4 },
        new VitEeOptions { MlpRatio = 0 },
    ];

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void RejectsInvalidOptions(VitEeOptions options)
    {
        Assert.Throws<ArgumentException>(() => new VitEeArchitecture(options));
    }

    [Fact]
    public void RejectsAnInputSmallerThanAPatch()
    {
        Assert.Throws<ArgumentException>(() => new VitEeArchitecture(new VitEeOptions { PatchSize = 16 }).Build(new InputSpec(1, 8, 8, 2)));
    }

    [Fact]
    public void IsDiscoveredAndBindsSnakeCaseOptions()
    {
        var catalog = PluginHost.Load([TestPaths.Plugins], Loggers.Silent, BuiltInDatasets.Register);
        Assert.True(catalog[PluginKind.Architecture].TryGet("vit-ee", out var registration));

        var options = OptionsBinder.Bind(registration.OptionsType, new()
        {
            ["patch_size"] = 7, ["depth"] = 2, ["width"] = 12, ["heads"] = 3, ["mlp_ratio"] = 1,
        });
        var architecture = (IEarlyExitArchitecture)registration.Factory(options, new PluginContext(Loggers.Silent, "vit-ee", 0));
        using var model = architecture.Build(new InputSpec(1, 28, 28, 10));
        using var scope = NewDisposeScope();

        var logits = model.forward(zeros(3, 1, 28, 28));

        Assert.Equal(2, logits.Length);
        Assert.All(logits, l => Assert.Equal(new long[] { 3, 10 }, l.shape));
    }
}
