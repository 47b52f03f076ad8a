namespace EarlyExitBench.Architectures.BranchyLeNet;

/// <summary>
/// FLOP convention, per sample: a multiply–add is 2 FLOPs; a bias add, a ReLU and each element a
/// pooling window reads are 1 FLOP.
/// </summary>
internal static class Flops
{
    /// <summary>Same-padded, stride-1 convolution producing cout×h×w.</summary>
    public static long Conv2d(int cin, int cout, int kernel, int h, int w)
        => ((2L * cin * kernel * kernel) + 1) * cout * h * w;

    public static long Linear(int inFeatures, int outFeatures) => ((2L * inFeatures) + 1) * outFeatures;

    public static long Elementwise(long elements) => elements;

    /// <summary>Non-overlapping pooling to channels×h×w outputs, each reading <paramref name="window"/> inputs.</summary>
    public static long Pool(int channels, int h, int w, int window) => (long)channels * h * w * window;

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
