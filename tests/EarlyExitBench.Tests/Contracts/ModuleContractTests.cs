using EarlyExitBench.Contracts;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Contracts;

/// <summary>The small modules and records of Contracts on inputs small enough to check by hand.</summary>
public class ModuleContractTests
{
    [Fact]
    public void LayersComputeTheirOperation()
    {
        using var a = tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        using var b = tensor(new float[] { 5, 6, 7, 8 }, [2, 2]);

        using var sum = new AddLayer().call(a, b);
        Assert.Equal([6f, 8f, 10f, 12f], sum.data<float>().ToArray());

        // [1 2; 3 4]·[5 6; 7 8] = [19 22; 43 50].
        using var product = new MatMulLayer().call(a, b);
        Assert.Equal([19f, 22f, 43f, 50f], product.data<float>().ToArray());

        var scale = new ScaleLayer(0.5);
        Assert.Equal(0.5, scale.Factor);
        using var scaled = scale.call(a);
        Assert.Equal([0.5f, 1f, 1.5f, 2f], scaled.data<float>().ToArray());
    }

    [Fact]
    public void LayersRejectANullFirstOperand()
    {
        using var a = ones(2);
        Assert.Throws<ArgumentNullException>(() => new AddLayer().call(null!, a));
        Assert.Throws<ArgumentNullException>(() => new MatMulLayer().call(null!, a));
        Assert.Throws<ArgumentNullException>(() => new ScaleLayer(2).call(null!));
    }

    [Fact]
    public void ForwardRunsEveryStageInOrderAndReturnsEachHead()
    {
        // Block k adds k + 1, head k multiplies by 10^k: from x = 1, features 2, 4, 7 and logits 2, 40, 700.
        using var module = new Counting();
        using var input = ones(1, 1);
        var logits = module.forward(input);
        Assert.Equal([2f, 40f, 700f], logits.Select(t => t.item<float>()));
    }

    [Fact]
    public void MultiExitOutputsCountExitsAndSamples()
    {
        var matrix = new ClassMatrix(new float[6], 3, 2);
        var outputs = new MultiExitOutputs([matrix, matrix], [matrix, matrix]);
        Assert.Equal(2, outputs.Exits);
        Assert.Equal(3, outputs.Samples);
        Assert.Equal(0, new MultiExitOutputs([], []).Samples);
    }

    [Fact]
    public void RecordsDefaultToTheDocumentedValues()
    {
        var info = new PluginInfo("a", "b");
        Assert.Equal(string.Empty, info.Citation);
        Assert.Null(info.Version);
        Assert.Empty(info.DeprecatedAliases);

        var metric = new MetricInfo(MetricDirection.LowerIsBetter, "c");
        Assert.True(metric.IsProxy);
        Assert.False(metric.MayBeUndefined);
        Assert.Null(metric.Minimum);
        Assert.Null(metric.Maximum);
    }

    private sealed class Counting : MultiExitModule
    {
        public Counting()
            : base(nameof(Counting))
        {
        }

        public override IReadOnlyList<StageCost> Stages { get; } = [new(1, 1, 0, 0), new(1, 1, 0, 0), new(1, 1, 0, 0)];

        public override Tensor ForwardBlock(int stage, Tensor features) => features + (stage + 1);

        public override Tensor ForwardHead(int stage, Tensor features) => features * Math.Pow(10, stage);
    }
}
