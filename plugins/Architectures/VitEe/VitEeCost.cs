using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.VitEe;

/// <summary>The analytic cost of <see cref="VitEeModule"/>, from the options and input shape alone (no tensors, no libtorch).</summary>
internal static class VitEeCost
{
    /// <summary>One stage per transformer block and its exit; stage 0 also embeds the image (patches, class token, positions).</summary>
    public static StageCost[] Stages(InputSpec input, VitEeOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        if (input.Height < options.PatchSize || input.Width < options.PatchSize)
        {
            throw new ArgumentException($"Input {input.Height}×{input.Width} is smaller than one {options.PatchSize}×{options.PatchSize} patch.", nameof(input));
        }

        var width = options.Width;
        var (gridHeight, gridWidth) = (input.Height / options.PatchSize, input.Width / options.PatchSize);
        var tokens = (gridHeight * gridWidth) + 1;
        var embedFlops = Flops.Conv2d(input.Channels, width, options.PatchSize, gridHeight, gridWidth, bias: true) + Flops.Elementwise((long)tokens * width);
        var embedParameters = ParameterCount.Conv2d(input.Channels, width, options.PatchSize, bias: true) + width + ((long)tokens * width);
        var (blockFlops, blockParameters) = Block(width, options.Heads, options.MlpRatio * width, tokens);
        var headFlops = Flops.LayerNorm(width) + Flops.Linear(width, input.Classes);
        var headParameters = ParameterCount.Norm(width) + ParameterCount.Linear(width, input.Classes);
        var stages = new StageCost[options.Depth];
        for (var k = 0; k < options.Depth; k++)
        {
            stages[k] = new StageCost(
                blockFlops + (k == 0 ? embedFlops : 0),
                headFlops,
                blockParameters + (k == 0 ? embedParameters : 0),
                headParameters);
        }

        return stages;
    }

    /// <summary>A pre-norm <see cref="TransformerBlock"/> on <paramref name="tokens"/> tokens: two LayerNorms, attention, MLP and two residual adds.</summary>
    private static (long Flops, long Parameters) Block(int width, int heads, int mlpHidden, int tokens)
    {
        long elements = (long)tokens * width;
        var headWidth = width / heads;
        var attentionFlops = (tokens * Flops.Linear(width, 3 * width))
            + Flops.Elementwise((long)tokens * width)                    // q scaled
            + (heads * Flops.MatMul(tokens, headWidth, tokens))         // q·kᵀ
            + Flops.Softmax((long)heads * tokens * tokens)
            + (heads * Flops.MatMul(tokens, tokens, headWidth))         // weights·v
            + (tokens * Flops.Linear(width, width));
        var attentionParameters = ParameterCount.Linear(width, 3 * width) + ParameterCount.Linear(width, width);
        var mlpFlops = (tokens * Flops.Linear(width, mlpHidden)) + Flops.Elementwise((long)tokens * mlpHidden) + (tokens * Flops.Linear(mlpHidden, width));
        var mlpParameters = ParameterCount.Linear(width, mlpHidden) + ParameterCount.Linear(mlpHidden, width);
        return (
            (2 * Flops.LayerNorm(elements)) + attentionFlops + mlpFlops + (2 * Flops.Elementwise(elements)),
            (2 * ParameterCount.Norm(width)) + attentionParameters + mlpParameters);
    }
}
