using EarlyExitBench.Contracts;

namespace MyNet.Tests;

public class MyNetTests
{
    [Fact]
    public void CostsFollowTheFlopConventionByHand()
    {
        // 1×28×28 input flattened to 784, widths [64, 32], 10 classes. A multiply-add counts 2, a bias add and a ReLU 1.
        var stages = MyNetCost.Stages(new InputSpec(1, 28, 28, 10), [64, 32]);

        Assert.Equal(2, stages.Count);
        Assert.Equal(new StageCost((2 * 784 * 64) + 64 + 64, (2 * 64 * 10) + 10, (784 * 64) + 64, (64 * 10) + 10), stages[0]);
        Assert.Equal(new StageCost((2 * 64 * 32) + 32 + 32, (2 * 32 * 10) + 10, (64 * 32) + 32, (32 * 10) + 10), stages[1]);
    }

    [Fact]
    public void RejectsAnEmptyOrNonPositiveWidthList()
    {
        Assert.Throws<ArgumentException>(() => new MyNet(new MyNetOptions { Widths = [] }));
        Assert.Throws<ArgumentException>(() => new MyNet(new MyNetOptions { Widths = [8, 0] }));
    }
}
