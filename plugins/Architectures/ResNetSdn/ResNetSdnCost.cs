using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.ResNetSdn;

/// <summary>The analytic cost of <see cref="ResNetSdnModule"/>, from the options and input shape alone (no tensors, no libtorch).</summary>
internal static class ResNetSdnCost
{
    /// <summary>One stage per residual block: <paramref name="blocksPerStage"/> per entry of <paramref name="widths"/>; stage 0 includes the stem.</summary>
    public static StageCost[] Stages(InputSpec input, IReadOnlyList<int> widths, int blocksPerStage, int headGrid)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentOutOfRangeException.ThrowIfZero(widths.Count, nameof(widths));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blocksPerStage);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(headGrid);
        var (cin, h, w) = (input.Channels, input.Height, input.Width);
        long stemElements = (long)widths[0] * h * w;
        var stemFlops = Flops.Conv2d(cin, widths[0], 3, h, w, bias: false) + Flops.BatchNorm(stemElements) + Flops.Elementwise(stemElements);
        var stemParameters = ParameterCount.Conv2d(cin, widths[0], 3, bias: false) + ParameterCount.Norm(widths[0]);
        cin = widths[0];

        var stages = new StageCost[widths.Count * blocksPerStage];
        for (var s = 0; s < widths.Count; s++)
        {
            for (var b = 0; b < blocksPerStage; b++)
            {
                var k = (s * blocksPerStage) + b;
                var cout = widths[s];
                var (flops, parameters, outHeight, outWidth) = Block(cin, cout, stride: s > 0 && b == 0 ? 2 : 1, h, w);
                (cin, h, w) = (cout, outHeight, outWidth);
                var features = cout * headGrid * headGrid;
                stages[k] = new StageCost(
                    flops + (k == 0 ? stemFlops : 0),
                    Flops.AdaptiveAvgPool(cout, h, w, headGrid, headGrid) + Flops.Linear(features, input.Classes),
                    parameters + (k == 0 ? stemParameters : 0),
                    HeadParameters: ParameterCount.Linear(features, input.Classes));
            }
        }

        return stages;
    }

    /// <summary>A <see cref="ResidualBlock"/> taking cin×h×w to cout×⌈h/stride⌉×⌈w/stride⌉: FLOPs, parameters and output size.</summary>
    public static (long Flops, long Parameters, int OutputHeight, int OutputWidth) Block(int cin, int cout, int stride, int h, int w)
    {
        var projects = Projects(cin, cout, stride);
        var (outHeight, outWidth) = (OutputSize(h, stride), OutputSize(w, stride));
        long elements = (long)cout * outHeight * outWidth;
        var flops = Flops.Conv2d(cin, cout, 3, outHeight, outWidth, bias: false)
            + Flops.BatchNorm(elements)
            + Flops.Elementwise(elements)
            + Flops.Conv2d(cout, cout, 3, outHeight, outWidth, bias: false)
            + Flops.BatchNorm(elements)
            + (projects ? Flops.Conv2d(cin, cout, 1, outHeight, outWidth, bias: false) + Flops.BatchNorm(elements) : 0)
            + Flops.Elementwise(elements) // residual addition
            + Flops.Elementwise(elements); // final ReLU
        var parameters = ParameterCount.Conv2d(cin, cout, 3, bias: false) + ParameterCount.Norm(cout)
            + ParameterCount.Conv2d(cout, cout, 3, bias: false) + ParameterCount.Norm(cout)
            + (projects ? ParameterCount.Conv2d(cin, cout, 1, bias: false) + ParameterCount.Norm(cout) : 0);
        return (flops, parameters, outHeight, outWidth);
    }

    /// <summary>Whether a block's shortcut needs a 1×1 projection (the shape changes).</summary>
    public static bool Projects(int cin, int cout, int stride) => stride != 1 || cin != cout;

    /// <summary>3×3 with padding 1 and 1×1 without padding give the same output size: ⌊(n − 1)/s⌋ + 1.</summary>
    public static int OutputSize(int size, int stride) => ((size - 1) / stride) + 1;
}
