using EarlyExitBench.Architectures.MsdNet;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Tests.Support;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Architectures;

public class MsdNetTests
{
    private static MultiExitModule Build(InputSpec input, MsdNetOptions options) => new MsdNetArchitecture(options).Build(input);

    [Fact]
    public void CostsAndParametersMatchAHandCount()
    {
        using var model = Build(new InputSpec(1, 8, 8, 2), new MsdNetOptions { Blocks = 1, Base = 1, BaseChannels = 2, GrowthRate = 2, Bottleneck = false, HeadChannels = 4 });

        // Scales after the stem: 2×8×8, 4×4×4, 8×2×2. Conv+BN+ReLU = 2·cin·9·cout·h·w + 3·cout·h·w (BN 2, ReLU 1).
        // Stem: 1→2 at 8×8: 2304 + 384 = 2,688; 2→4 stride 2 to 4×4: 2304 + 192 = 2,496; 4→8 to 2×2: 2304 + 96 = 2,400 → 7,584.
        //       params 1·9·2 + 4 = 22; 2·9·4 + 8 = 80; 4·9·8 + 16 = 304 → 406.
        // Dense layer, growth 2 (×1, ×2, ×4 per scale, split in halves above the finest):
        //   scale 0: 2→2 at 8×8: 4608 + 384 = 4,992 (params 36 + 4 = 40);
        //   scale 1: down 2→2 from 8×8 to 4×4: 1152 + 96 = 1,248 (40); normal 4→2 at 4×4: 2304 + 96 = 2,400 (72 + 4 = 76);
        //   scale 2: down 4→4 from 4×4 to 2×2: 1152 + 48 = 1,200 (144 + 8 = 152); normal 8→4 at 2×2: 2304 + 48 = 2,352 (288 + 8 = 296).
        //   → 12,192 FLOPs, 604 params. Block: 19,776 FLOPs, 1,010 params; output scale 2 has 8 + 8 = 16 channels.
        // Head: 16→4 stride 2 to 1×1: 1152 + 12 = 1,164 (576 + 8 = 584); 4→4 at 1×1: 288 + 12 = 300 (144 + 8 = 152);
        //       average pool 4; linear 4→2: (2·4 + 1)·2 = 18 (10) → 1,486 FLOPs, 746 params.
        Assert.Equal(new StageCost(19_776, 1_486, 1_010, 746), model.Stages[0]);
    }

    [Fact]
    public void BottleneckWidthIsTheSmallerOfInputAndFactorTimesOutput()
    {
        var options = new MsdNetOptions { Blocks = 1, Base = 1, BaseChannels = 2, GrowthRate = 2, HeadChannels = 4 };
        using var with = Build(new InputSpec(1, 8, 8, 2), options);

        // Scale 0: min(2, 1·2) = 2 → 1×1 conv 2→2 at 8×8: 2·2·2·64 + 3·128 = 896 FLOPs, 4 + 4 = 8 params, in front of the same 3×3.
        // Scale 1 down: min(2, 1·2) = 2 at 8×8: 896, 8. Scale 1 normal: min(4, 2·2) = 4 at 4×4: 2·4·4·16 + 3·64 = 704, 16 + 8 = 24.
        // Scale 2 down: min(4, 2·4) = 4 at 4×4: 704, 24. Scale 2 normal: min(8, 4·4) = 8 at 2×2: 2·8·8·4 + 3·32 = 608, 64 + 16 = 80.
        Assert.Equal(19_776 + 896 + 896 + 704 + 704 + 608, with.Stages[0].BackboneFlops);
        Assert.Equal(1_010 + 8 + 8 + 24 + 24 + 80, with.Stages[0].BackboneParameters);
    }

    [Theory]
    [InlineData(1, 28, 28, 10)]
    [InlineData(3, 32, 32, 100)]
    public void BlockwiseForwardEqualsTheFullForwardInEvalMode(int channels, int height, int width, int classes)
    {
        using var model = Build(new InputSpec(channels, height, width, classes), new MsdNetOptions { Blocks = 3, Base = 2, Step = 1, BaseChannels = 4, GrowthRate = 2, HeadChannels = 8 });
        using var scope = NewDisposeScope();
        manual_seed(3);
        model.train();
        model.forward((randn(6, channels, height, width) * 2) + 1); // moves BatchNorm statistics off 0/1
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

        // Dynamic inference drops exited rows between blocks: the packed scales must survive index_select on dimension 0.
        var kept = model.ForwardHead(1, model.ForwardBlock(1, model.ForwardBlock(0, x).index_select(0, tensor(new long[] { 4, 1 }))));
        Assert.True(kept.allclose(all[1].index_select(0, tensor(new long[] { 4, 1 })), rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void StateDictKeysFollowTheReferenceNaming()
    {
        using var model = Build(new InputSpec(1, 28, 28, 10), new MsdNetOptions { Blocks = 2, Base = 1, Step = 1, BaseChannels = 4, GrowthRate = 2, HeadChannels = 8 });
        var keys = model.state_dict().Keys.ToHashSet();

        Assert.Contains("blocks.0.stem.0.net.0.weight", keys);
        Assert.Contains("blocks.0.stem.2.net.1.running_var", keys);
        Assert.Contains("blocks.0.layers.0.normal.0.net.3.weight", keys); // bottleneck 1×1 is net.0, the 3×3 net.3
        Assert.Contains("blocks.1.layers.0.down.1.net.0.weight", keys);
        Assert.Contains("heads.1.0.net.0.weight", keys);
        Assert.Contains("heads.1.4.bias", keys);
        Assert.DoesNotContain("blocks.1.stem.0.net.0.weight", keys);
    }

    public static TheoryData<MsdNetOptions> InvalidOptions() =>
    [
        new MsdNetOptions { Blocks = 0 },
        new MsdNetOptions { Base = -1 },
        new MsdNetOptions { Step = 0 },
        new MsdNetOptions { BaseChannels = 0 },
        new MsdNetOptions { GrowthRate = -2 },
        new MsdNetOptions { HeadChannels = 0 },
    ];

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void RejectsInvalidOptions(MsdNetOptions options)
    {
        Assert.Throws<ArgumentException>(() => new MsdNetArchitecture(options));
    }

    [Fact]
    public void IsDiscoveredAndBindsSnakeCaseOptions()
    {
        var catalog = PluginHost.Load([TestPaths.Plugins], Loggers.Silent, BuiltInDatasets.Register);
        Assert.True(catalog[PluginKind.Architecture].TryGet("msdnet", out var registration));

        var options = OptionsBinder.Bind(registration.OptionsType, new()
        {
            ["blocks"] = 2, ["base"] = 1, ["step"] = 1, ["base_channels"] = 4, ["growth_rate"] = 2, ["bottleneck"] = false, ["head_channels"] = 8,
        });
        var architecture = (IEarlyExitArchitecture)registration.Factory(options, new PluginContext(Loggers.Silent, "msdnet", 0));
        using var model = architecture.Build(new InputSpec(1, 28, 28, 10));
        using var scope = NewDisposeScope();

        var logits = model.forward(zeros(3, 1, 28, 28));

        Assert.Equal(2, logits.Length);
        Assert.All(logits, l => Assert.Equal(new long[] { 3, 10 }, l.shape));
    }
}
