using EarlyExitBench.Contracts;

namespace EarlyExitBench.Tests.Contracts;

/// <summary>
/// The FLOP and parameter helpers against the convention's formulas worked by hand, with every dimension different so
/// that a swapped or dropped factor shows.
/// </summary>
public class CostHelpersTests
{
    [Fact]
    public void FlopsOfEachLayerFollowTheConvention()
    {
        // Conv 2→5, 3×3, output 4×7: (2·2·9 + 1)·5·4·7 = 37·140 = 5180; without bias 36·140 = 5040.
        Assert.Equal(5180, Flops.Conv2d(2, 5, 3, 4, 7, bias: true));
        Assert.Equal(5040, Flops.Conv2d(2, 5, 3, 4, 7, bias: false));

        // Linear 10→4: (2·10 + 1)·4 = 84 (bias by default); 80 without.
        Assert.Equal(84, Flops.Linear(10, 4));
        Assert.Equal(80, Flops.Linear(10, 4, bias: false));

        Assert.Equal(120, Flops.MatMul(3, 4, 5)); // 2·3·4·5
        Assert.Equal(7, Flops.Elementwise(7));
        Assert.Equal(12, Flops.BatchNorm(6)); // 2 per element
        Assert.Equal(70, Flops.LayerNorm(10)); // 7 per element with the affine (the default)
        Assert.Equal(50, Flops.LayerNorm(10, affine: false)); // 5 per element
        Assert.Equal(20, Flops.Softmax(4)); // 5 per element
        Assert.Equal(540, Flops.Pool(3, 4, 5, 9)); // 3·4·5·9
    }

    [Fact]
    public void AdaptivePoolingCountsPyTorchsOverlappingWindows()
    {
        // PyTorch's windows [⌊i·n/g⌋, ⌈(i+1)·n/g⌉): 5 → 3 gives [0,2) [1,4) [3,5), spans 2 + 3 + 2 = 7;
        // 4 → 3 gives [0,2) [1,3) [2,4), spans 6. Two channels: 2·7·6 = 84 (checked in Python with math.floor/ceil).
        Assert.Equal(84, Flops.AdaptiveAvgPool(2, 5, 4, 3, 3));

        // Sizes that divide read each input once; global pooling reads the whole plane.
        Assert.Equal(3 * 4 * 10, Flops.AdaptiveAvgPool(3, 4, 10, 2, 5));
        Assert.Equal(7 * 7, Flops.AdaptiveAvgPool(1, 7, 7, 1, 1));
    }

    [Fact]
    public void ParameterCountsOfEachLayer()
    {
        Assert.Equal(95, ParameterCount.Conv2d(2, 5, 3, bias: true)); // 2·9·5 + 5
        Assert.Equal(90, ParameterCount.Conv2d(2, 5, 3, bias: false));
        Assert.Equal(44, ParameterCount.Linear(10, 4)); // 10·4 + 4, bias by default
        Assert.Equal(40, ParameterCount.Linear(10, 4, bias: false));
        Assert.Equal(12, ParameterCount.Norm(6));
    }
}
