namespace EarlyExitBench.Contracts;

/// <summary>
/// The one FLOP convention of EarlyExitBench, per sample. Architecture plugins count their analytic
/// <see cref="StageCost"/> with these helpers, and the harness counts a real forward pass with the same
/// helpers, so the two can be compared. See <see cref="Convention"/> for the rules in words.
/// </summary>
public static class Flops
{
    /// <summary>The convention in one line, as reports and leaderboards state it.</summary>
    public const string Convention =
        "FLOPs per sample; a multiply-add counts 2; a bias add, an activation (ReLU, GELU), a residual or positional add, a scaling "
        + "and each element a pooling window reads count 1; BatchNorm (eval, folded) 2 per element; LayerNorm 5 per element plus 2 "
        + "for its affine; softmax 5 per element; concatenation, reshapes and indexing 0";

    /// <summary>The name of <see cref="Convention"/>, EarlyExitBench's own, in a suite's <c>cost_convention</c>; the default.</summary>
    public const string EeBench = "eebench";

    /// <summary>The name of <see cref="MultiplyAddConvention"/> in a suite's <c>cost_convention</c>.</summary>
    public const string MultiplyAdd = "multiply-add";

    /// <summary>
    /// The multiply-add convention in one line: the one MSDNet's reference <c>op_counter.py</c> counts in, in which the
    /// literature's MSDNet figures (0.34 to 1.36 GFLOPs on ImageNet) are given.
    /// </summary>
    public const string MultiplyAddConvention =
        "multiply-adds per sample, as MSDNet's op_counter.py counts them; a multiply-add counts 1; a linear layer's bias 1 per output, "
        + "a convolution's bias 0; a ReLU 1 per element; each element a pooling window reads 1; BatchNorm, dropout, concatenation and "
        + "reshapes 0";

    /// <summary>A convolution with a square kernel, stride and padding already applied to the output size.</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="kernel">Kernel side.</param>
    /// <param name="outHeight">Output height.</param>
    /// <param name="outWidth">Output width.</param>
    /// <param name="bias">Whether the convolution adds a bias.</param>
    /// <returns>2·cin·k²·cout·h·w, plus cout·h·w for the bias.</returns>
    public static long Conv2d(int inChannels, int outChannels, int kernel, int outHeight, int outWidth, bool bias)
        => ((2L * inChannels * kernel * kernel) + (bias ? 1 : 0)) * outChannels * outHeight * outWidth;

    /// <summary>A linear layer applied to one feature vector (multiply by the tokens for a sequence).</summary>
    /// <param name="inFeatures">Input features.</param>
    /// <param name="outFeatures">Output features.</param>
    /// <param name="bias">Whether the layer adds a bias.</param>
    /// <returns>2·in·out, plus out for the bias.</returns>
    public static long Linear(int inFeatures, int outFeatures, bool bias = true)
        => ((2L * inFeatures) + (bias ? 1 : 0)) * outFeatures;

    /// <summary>A matrix product [m×k]·[k×n].</summary>
    /// <param name="m">Rows of the left operand.</param>
    /// <param name="k">The shared dimension.</param>
    /// <param name="n">Columns of the right operand.</param>
    /// <returns>2·m·k·n.</returns>
    public static long MatMul(long m, long k, long n) => 2 * m * k * n;

    /// <summary>One FLOP per element: an activation, a residual or positional add, a scaling by a constant.</summary>
    /// <param name="elements">Elements produced.</param>
    /// <returns><paramref name="elements"/>.</returns>
    public static long Elementwise(long elements) => elements;

    /// <summary>BatchNorm in eval mode: its scale and shift folded, 2 per element.</summary>
    /// <param name="elements">Elements normalised.</param>
    /// <returns>2·elements.</returns>
    public static long BatchNorm(long elements) => 2 * elements;

    /// <summary>LayerNorm: mean, centre, variance (a multiply-add) and the division, 5 per element; 2 more for the affine.</summary>
    /// <param name="elements">Elements normalised.</param>
    /// <param name="affine">Whether the layer has a learned scale and shift.</param>
    /// <returns>5 or 7 per element.</returns>
    public static long LayerNorm(long elements, bool affine = true) => (affine ? 7 : 5) * elements;

    /// <summary>Softmax: the max, the subtraction, the exponential, the sum and the division, 5 per element.</summary>
    /// <param name="elements">Elements of the input.</param>
    /// <returns>5·elements.</returns>
    public static long Softmax(long elements) => 5 * elements;

    /// <summary>Pooling with a fixed window: each output element reads <paramref name="window"/> inputs.</summary>
    /// <param name="channels">Channels.</param>
    /// <param name="outHeight">Output height.</param>
    /// <param name="outWidth">Output width.</param>
    /// <param name="window">Inputs read per output (kernel height × width).</param>
    /// <returns>channels·h·w·window.</returns>
    public static long Pool(int channels, int outHeight, int outWidth, int window) => (long)channels * outHeight * outWidth * window;

    /// <summary>
    /// Adaptive average pooling from inHeight×inWidth to outHeight×outWidth: every input element each of PyTorch's
    /// windows [⌊i·n/g⌋, ⌈(i+1)·n/g⌉) reads counts 1 (windows overlap when the sizes do not divide).
    /// </summary>
    /// <param name="channels">Channels.</param>
    /// <param name="inHeight">Input height.</param>
    /// <param name="inWidth">Input width.</param>
    /// <param name="outHeight">Output height.</param>
    /// <param name="outWidth">Output width.</param>
    /// <returns>channels · (Σ window heights) · (Σ window widths).</returns>
    public static long AdaptiveAvgPool(int channels, int inHeight, int inWidth, int outHeight, int outWidth)
        => channels * WindowSpan(inHeight, outHeight) * WindowSpan(inWidth, outWidth);

    private static long WindowSpan(int size, int grid)
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
}
