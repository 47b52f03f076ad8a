using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.VitEe;

/// <summary>The analytic cost of <see cref="VitEeModule"/>, from the options and input shape alone (no tensors, no libtorch).</summary>
internal static class VitEeCost
{
    /// <summary>
    /// One stage per exit: the blocks since the previous exit (stage 0 also embeds the image: patches, class token,
    /// positions) and the exit's head. FLOPs in the convention of <see cref="Flops"/> when <paramref name="multiplyAdd"/>
    /// is 2; with 1, every multiply-add (convolution, linear layers, q·kᵀ, weights·v) counts 1 and everything else is
    /// counted as <see cref="Flops"/> counts it (the MSDNet literature's convention for multiply-adds).
    /// </summary>
    public static StageCost[] Stages(InputSpec input, VitEeOptions options, int multiplyAdd = 2)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        if (input.Height < options.PatchSize || input.Width < options.PatchSize)
        {
            throw new ArgumentException($"Input {input.Height}×{input.Width} is smaller than one {options.PatchSize}×{options.PatchSize} patch.", nameof(input));
        }

        if (multiplyAdd is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(multiplyAdd), multiplyAdd, "a multiply-add counts 1 or 2");
        }

        // Flops counts a multiply-add as 2; the other convention takes the multiply-adds off once.
        var discount = 2 - multiplyAdd;
        var width = options.Width;
        var (gridHeight, gridWidth) = (input.Height / options.PatchSize, input.Width / options.PatchSize);
        var tokens = (gridHeight * gridWidth) + 1;
        var patchMacs = (long)input.Channels * options.PatchSize * options.PatchSize * width * gridHeight * gridWidth;
        var embedFlops = Flops.Conv2d(input.Channels, width, options.PatchSize, gridHeight, gridWidth, bias: true) + Flops.Elementwise((long)tokens * width) - (discount * patchMacs);
        var embedParameters = ParameterCount.Conv2d(input.Channels, width, options.PatchSize, bias: true) + width + ((long)tokens * width);
        var (blockFlops, blockMacs, blockParameters) = Block(width, options.Heads, options.MlpRatio * width, tokens);
        blockFlops -= discount * blockMacs;
        var headFlops = Flops.LayerNorm(width) + Flops.Linear(width, input.Classes) - (discount * (long)width * input.Classes);
        var headParameters = ParameterCount.Norm(width) + ParameterCount.Linear(width, input.Classes);
        var exits = ExitBlocks(options);
        var stages = new StageCost[exits.Count];
        var previous = -1;
        for (var k = 0; k < exits.Count; k++)
        {
            var blocks = exits[k] - previous;
            stages[k] = new StageCost(
                (blocks * blockFlops) + (k == 0 ? embedFlops : 0),
                headFlops,
                (blocks * blockParameters) + (k == 0 ? embedParameters : 0),
                headParameters);
            previous = exits[k];
        }

        return stages;
    }

    /// <summary>The zero-based blocks each exit follows, in order; the last is always <c>depth − 1</c> (timm's <c>norm</c> + <c>head</c>).</summary>
    public static IReadOnlyList<int> ExitBlocks(VitEeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var intermediate = options.ExitBlocks ?? Enumerable.Range(0, Math.Max(options.Depth - 1, 0)).ToArray();
        return [.. intermediate, options.Depth - 1];
    }

    /// <summary>A pre-norm <see cref="TransformerBlock"/> on <paramref name="tokens"/> tokens: two LayerNorms, attention, MLP and two residual adds.</summary>
    private static (long Flops, long MultiplyAdds, long Parameters) Block(int width, int heads, int mlpHidden, int tokens)
    {
        long elements = (long)tokens * width;
        var headWidth = width / heads;
        var attentionFlops = (tokens * Flops.Linear(width, 3 * width))
            + Flops.Elementwise((long)tokens * width)                    // q scaled
            + (heads * Flops.MatMul(tokens, headWidth, tokens))         // q·kᵀ
            + Flops.Softmax((long)heads * tokens * tokens)
            + (heads * Flops.MatMul(tokens, tokens, headWidth))         // weights·v
            + (tokens * Flops.Linear(width, width));
        var attentionMacs = ((long)tokens * width * 4 * width) + (2L * heads * tokens * tokens * headWidth);
        var attentionParameters = ParameterCount.Linear(width, 3 * width) + ParameterCount.Linear(width, width);
        var mlpFlops = (tokens * Flops.Linear(width, mlpHidden)) + Flops.Elementwise((long)tokens * mlpHidden) + (tokens * Flops.Linear(mlpHidden, width));
        var mlpMacs = 2L * tokens * width * mlpHidden;
        var mlpParameters = ParameterCount.Linear(width, mlpHidden) + ParameterCount.Linear(mlpHidden, width);
        return (
            (2 * Flops.LayerNorm(elements)) + attentionFlops + mlpFlops + (2 * Flops.Elementwise(elements)),
            attentionMacs + mlpMacs,
            (2 * ParameterCount.Norm(width)) + attentionParameters + mlpParameters);
    }
}
