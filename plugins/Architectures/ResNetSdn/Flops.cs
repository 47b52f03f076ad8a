namespace EarlyExitBench.Architectures.ResNetSdn;

/// <summary>
/// FLOP convention, per sample (the same as <c>branchy-lenet</c>'s): a multiply–add is 2 FLOPs; a bias
/// add, a ReLU and each element a pooling window reads are 1 FLOP; BatchNorm in eval mode is 2 FLOPs
/// per element (its scale and shift, folded); a residual addition is 1 FLOP per element.
/// </summary>
internal static class Flops
{
    /// <summary>Convolution without bias producing cout×h×w (h, w are the output size, so stride is already applied).</summary>
    public static long Conv2d(int cin, int cout, int kernel, int h, int w)
        => 2L * cin * kernel * kernel * cout * h * w;

    public static long Linear(int inFeatures, int outFeatures) => ((2L * inFeatures) + 1) * outFeatures;

    /// <summary>A ReLU or a residual addition.</summary>
    public static long Elementwise(long elements) => elements;

    public static long BatchNorm(long elements) => 2 * elements;

    /// <summary>Adaptive average pooling from h×w to grid×grid: PyTorch's windows [⌊i·h/g⌋, ⌈(i+1)·h/g⌉).</summary>
    public static long AdaptiveAvgPool(int channels, int h, int w, int grid)
    {
        static long Span(int size, int grid)
        {
            long total = 0;
            for (var i = 0; i < grid; i++)
            {
                var start = i * size / grid;
                var end = (((i + 1) * size) + grid - 1) / grid;
                total += end - start;
            }

            return total;
        }

        return channels * Span(h, grid) * Span(w, grid);
    }
}
