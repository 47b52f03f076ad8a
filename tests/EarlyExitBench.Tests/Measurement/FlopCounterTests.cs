using EarlyExitBench.Architectures.BranchyLeNet;
using EarlyExitBench.Architectures.MsdNet;
using EarlyExitBench.Architectures.ResNetSdn;
using EarlyExitBench.Architectures.VitEe;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Measurement;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Measurement;

/// <summary>One FLOP convention, counted two ways: the analytic StageCost of every shipped architecture equals the count of a real forward pass.</summary>
public class FlopCounterTests
{
    private static readonly InputSpec Mnist = new(1, 28, 28, 10);
    private static readonly InputSpec Cifar100 = new(3, 32, 32, 100);

    public static TheoryData<string, IEarlyExitArchitecture> Architectures() => new()
    {
        { "branchy-lenet default", new BranchyLeNetArchitecture(new BranchyLeNetOptions()) },
        { "branchy-lenet 4 blocks, grid 2", new BranchyLeNetArchitecture(new BranchyLeNetOptions { Channels = [6, 12, 24, 48], HeadGrid = 2 }) },
        { "resnet-sdn default", new ResNetSdnArchitecture(new ResNetSdnOptions()) },
        { "resnet-sdn 2 blocks/stage, grid 3", new ResNetSdnArchitecture(new ResNetSdnOptions { Widths = [8, 16, 32], BlocksPerStage = 2, HeadGrid = 3 }) },
        { "msdnet small, bottleneck", new MsdNetArchitecture(new MsdNetOptions { Blocks = 3, Base = 2, Step = 1, BaseChannels = 4, GrowthRate = 2, HeadChannels = 8 }) },
        { "msdnet no bottleneck, base 0", new MsdNetArchitecture(new MsdNetOptions { Blocks = 2, Base = 0, Step = 2, BaseChannels = 6, GrowthRate = 4, Bottleneck = false, HeadChannels = 12 }) },
        { "vit-ee patch 4", new VitEeArchitecture(new VitEeOptions { PatchSize = 4, Depth = 2, Width = 16, Heads = 2, MlpRatio = 2 }) },
        { "vit-ee patch 7 (32×32 drops a remainder)", new VitEeArchitecture(new VitEeOptions { PatchSize = 7, Depth = 3, Width = 12, Heads = 3, MlpRatio = 3 }) },
    };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void AnalyticFlopsEqualTheCountOfARealForwardPass(string label, IEarlyExitArchitecture architecture)
    {
        foreach (var input in new[] { Mnist, Cifar100 })
        {
            manual_seed(1);
            using var model = architecture.Build(input);

            var counted = FlopCounter.Count(model, input, batchSize: 3);

            Assert.Equal(model.Stages.Count, counted.Count);
            for (var k = 0; k < counted.Count; k++)
            {
                Assert.True(model.Stages[k].BackboneFlops == counted[k].BackboneFlops, $"{label} on {input}: block {k + 1} analytic {model.Stages[k].BackboneFlops}, counted {counted[k].BackboneFlops}");
                Assert.True(model.Stages[k].HeadFlops == counted[k].HeadFlops, $"{label} on {input}: head {k + 1} analytic {model.Stages[k].HeadFlops}, counted {counted[k].HeadFlops}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void AnalyticParametersEqualTheModulesParameters(string label, IEarlyExitArchitecture architecture)
    {
        foreach (var input in new[] { Mnist, Cifar100 })
        {
            using var model = architecture.Build(input);
            var actual = model.parameters().Sum(p => p.numel());
            Assert.True(model.Stages.Sum(s => s.BackboneParameters + s.HeadParameters) == actual, $"{label} on {input}: analytic parameters differ from parameters() = {actual}");
        }
    }

    [Fact]
    public void ArithmeticOutsideALayerIsMissedSoTheComparisonCanFail()
    {
        // A block that adds its input back with plain tensor arithmetic: the analytic count includes the add, the hooks cannot see it.
        using var model = new PlainAddNet();

        var counted = FlopCounter.Count(model, new InputSpec(1, 4, 4, 2), batchSize: 2);

        Assert.Equal(16 + 16, model.Stages[0].BackboneFlops); // ReLU 16 + add 16
        Assert.Equal(16, counted[0].BackboneFlops);
    }

    [Fact]
    public void AnUncoveredLayerIsAnErrorNamingIt()
    {
        using var model = new PlainAddNet(useElu: true);

        var ex = Assert.Throws<NotSupportedException>(() => FlopCounter.Count(model, new InputSpec(1, 4, 4, 2)));

        Assert.Contains("'act' (ELU)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RestoresTrainingModeAndLeavesNoHooks()
    {
        using var model = new BranchyLeNetArchitecture(new BranchyLeNetOptions { Channels = [4] }).Build(Mnist);
        model.train();
        FlopCounter.Count(model, Mnist);
        Assert.True(model.training);

        var again = FlopCounter.Count(model, Mnist, batchSize: 1);
        Assert.Equal(model.Stages[0].BackboneFlops, again[0].BackboneFlops); // a leftover hook would count twice
    }

    private sealed class PlainAddNet : MultiExitModule
    {
        private readonly TorchSharp.torch.nn.Module<Tensor, Tensor> act;
        private readonly TorchSharp.Modules.Flatten flatten;

        public PlainAddNet(bool useElu = false)
            : base(nameof(PlainAddNet))
        {
            act = useElu ? nn.ELU() : nn.ReLU();
            flatten = nn.Flatten();
            RegisterComponents();
        }

        public override IReadOnlyList<StageCost> Stages { get; } = [new StageCost(32, 0, 0, 0)];

        public override Tensor ForwardBlock(int stage, Tensor features) => act.call(features) + features;

        public override Tensor ForwardHead(int stage, Tensor features) => flatten.call(features);
    }
}
