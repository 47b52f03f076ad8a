using EarlyExitBench.Architectures.BranchyLeNet;
using EarlyExitBench.Architectures.MsdNet;
using EarlyExitBench.Architectures.ResNetSdn;
using EarlyExitBench.Architectures.VitEe;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Measurement;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Measurement;

/// <summary>
/// One FLOP convention, counted two ways: the analytic description of every shipped architecture (what validate and plan
/// read, without building anything) equals the built module's stages and the count of a real forward pass.
/// </summary>
public class FlopCounterTests
{
    private static readonly InputSpec Mnist = new(1, 28, 28, 10);
    private static readonly InputSpec Cifar100 = new(3, 32, 32, 100);

    // Sizes that divide by nothing: adaptive pooling windows overlap, strides round up, patches leave a remainder.
    private static readonly InputSpec Odd = new(2, 19, 23, 7);
    private static readonly InputSpec[] Inputs = [Mnist, Cifar100, Odd];

    public static TheoryData<string, IEarlyExitArchitecture> Architectures() => new()
    {
        { "branchy-lenet default", new BranchyLeNetArchitecture(new BranchyLeNetOptions()) },
        { "branchy-lenet 4 blocks, grid 2", new BranchyLeNetArchitecture(new BranchyLeNetOptions { Channels = [6, 12, 24, 48], HeadGrid = 2 }) },
        { "branchy-lenet 1 block, grid 3", new BranchyLeNetArchitecture(new BranchyLeNetOptions { Channels = [5], HeadGrid = 3 }) },
        { "resnet-sdn default", new ResNetSdnArchitecture(new ResNetSdnOptions()) },
        { "resnet-sdn 2 blocks/stage, grid 3", new ResNetSdnArchitecture(new ResNetSdnOptions { Widths = [8, 16, 32], BlocksPerStage = 2, HeadGrid = 3 }) },
        { "resnet-sdn one width, 3 blocks, grid 1", new ResNetSdnArchitecture(new ResNetSdnOptions { Widths = [6], BlocksPerStage = 3, HeadGrid = 1 }) },
        { "msdnet small, bottleneck", new MsdNetArchitecture(new MsdNetOptions { Blocks = 3, Base = 2, Step = 1, BaseChannels = 4, GrowthRate = 2, HeadChannels = 8 }) },
        { "msdnet no bottleneck, base 0", new MsdNetArchitecture(new MsdNetOptions { Blocks = 2, Base = 0, Step = 2, BaseChannels = 6, GrowthRate = 4, Bottleneck = false, HeadChannels = 12 }) },
        { "msdnet one block, step 0", new MsdNetArchitecture(new MsdNetOptions { Blocks = 1, Base = 3, Step = 0, BaseChannels = 3, GrowthRate = 3, HeadChannels = 5 }) },
        { "msdnet reference, prune max, even, transitions", new MsdNetArchitecture(new MsdNetOptions { NBlocks = 3, StepMode = "even", Step = 2, Base = 2, NChannels = 4, GrowthRate = 2 }) },
        { "msdnet reference, prune min, lin_grow, no bottleneck", new MsdNetArchitecture(new MsdNetOptions { NBlocks = 3, StepMode = "lin_grow", Step = 1, Base = 1, NChannels = 3, GrowthRate = 4, Prune = "min", Bottleneck = false, GrFactor = "1-2-2", BnFactor = "2-2-2" }) },
        { "vit-ee patch 4", new VitEeArchitecture(new VitEeOptions { PatchSize = 4, Depth = 2, Width = 16, Heads = 2, MlpRatio = 2 }) },
        { "vit-ee patch 7 (32×32 drops a remainder)", new VitEeArchitecture(new VitEeOptions { PatchSize = 7, Depth = 3, Width = 12, Heads = 3, MlpRatio = 3 }) },
        { "vit-ee one block, one head", new VitEeArchitecture(new VitEeOptions { PatchSize = 5, Depth = 1, Width = 8, Heads = 1, MlpRatio = 1 }) },
    };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void TheDescriptionIsTheBuiltModulesStages(string label, IEarlyExitArchitecture architecture)
    {
        foreach (var input in Inputs)
        {
            var described = architecture.Describe(input);
            using var model = architecture.Build(input);

            Assert.True(described.SequenceEqual(model.Stages), $"{label} on {input}: Describe gives [{string.Join(", ", described)}], the module [{string.Join(", ", model.Stages)}]");
        }
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void DescribedFlopsEqualTheCountOfARealForwardPass(string label, IEarlyExitArchitecture architecture)
    {
        foreach (var input in Inputs)
        {
            var described = architecture.Describe(input);
            manual_seed(1);
            using var model = architecture.Build(input);

            var counted = FlopCounter.Count(model, input, batchSize: 3);

            Assert.Equal(described.Count, counted.Count);
            for (var k = 0; k < counted.Count; k++)
            {
                Assert.True(described[k].BackboneFlops == counted[k].BackboneFlops, $"{label} on {input}: block {k + 1} described {described[k].BackboneFlops}, counted {counted[k].BackboneFlops}");
                Assert.True(described[k].HeadFlops == counted[k].HeadFlops, $"{label} on {input}: head {k + 1} described {described[k].HeadFlops}, counted {counted[k].HeadFlops}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void DescribedParametersEqualTheModulesParameters(string label, IEarlyExitArchitecture architecture)
    {
        foreach (var input in Inputs)
        {
            var described = architecture.Describe(input);
            using var model = architecture.Build(input);
            var actual = model.parameters().Sum(p => p.numel());
            Assert.True(described.Sum(s => s.BackboneParameters + s.HeadParameters) == actual, $"{label} on {input}: described parameters differ from parameters() = {actual}");
        }
    }

    [Fact]
    public void AnInputTooSmallIsRefusedByTheDescriptionAsByTheBuild()
    {
        var lenet = new BranchyLeNetArchitecture(new BranchyLeNetOptions { Channels = [4, 4, 4] });
        var vit = new VitEeArchitecture(new VitEeOptions { PatchSize = 8 });
        var tiny = new InputSpec(1, 5, 5, 2);

        Assert.Equal(Assert.Throws<ArgumentException>(() => lenet.Build(tiny)).Message, Assert.Throws<ArgumentException>(() => lenet.Describe(tiny)).Message);
        Assert.Equal(Assert.Throws<ArgumentException>(() => vit.Build(tiny)).Message, Assert.Throws<ArgumentException>(() => vit.Describe(tiny)).Message);
    }

    [Fact]
    public void AnArchitectureThatDoesNotDescribeItselfIsDescribedByBuildingIt()
    {
        IEarlyExitArchitecture plain = new BuildOnly();
        using var reference = new PlainAddNet();

        Assert.Equal(reference.Stages, plain.Describe(Mnist));
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

    private sealed class BuildOnly : IEarlyExitArchitecture
    {
        public MultiExitModule Build(InputSpec input) => new PlainAddNet();
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
