using EarlyExitBench.Contracts;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Measurement;

/// <summary>
/// FLOPs of one executed leaf layer, from its type, its settings and the shapes of the tensors it really took and
/// produced, under the convention of <see cref="Flops"/>. The counts are for the whole batch.
/// </summary>
internal static class LayerFlops
{
    /// <summary>FLOPs of a single-input layer; throws for a layer type the convention does not cover.</summary>
    public static long Of(string name, nn.Module layer, Tensor input, Tensor output)
    {
        var elements = output.numel();
        return layer switch
        {
            Conv2d conv => Convolution(name, conv, input, output),
            Linear linear => (elements / linear.weight.shape[0]) * Flops.Linear((int)linear.weight.shape[1], (int)linear.weight.shape[0], linear.bias is not null),
            BatchNorm2d or BatchNorm1d => Flops.BatchNorm(elements),
            LayerNorm norm => Flops.LayerNorm(elements, norm.elementwise_affine),
            ReLU or GELU or SiLU or Sigmoid or Tanh or ScaleLayer => Flops.Elementwise(elements),
            Softmax => Flops.Softmax(input.numel()),
            MaxPool2d pool => Window(name, pool.kernel_size, pool.padding, output),
            AvgPool2d pool => Window(name, pool.kernel_size, pool.padding, output),
            AdaptiveAvgPool2d => input.shape[0] * Flops.AdaptiveAvgPool((int)input.shape[1], (int)input.shape[2], (int)input.shape[3], (int)output.shape[2], (int)output.shape[3]),
            Flatten or Identity or Dropout => 0,
            _ => throw Unsupported(name, layer),
        };
    }

    /// <summary>FLOPs of a two-input layer (<see cref="AddLayer"/>, <see cref="MatMulLayer"/>).</summary>
    public static long OfPair(string name, nn.Module layer, Tensor first, Tensor output) => layer switch
    {
        AddLayer => Flops.Elementwise(output.numel()),
        MatMulLayer => (output.numel() / (output.shape[^2] * output.shape[^1])) * Flops.MatMul(output.shape[^2], first.shape[^1], output.shape[^1]),
        _ => throw Unsupported(name, layer),
    };

    /// <summary>The error for a layer whose FLOPs the convention does not define, naming it.</summary>
    public static NotSupportedException Unsupported(string name, nn.Module layer)
        => new($"cannot count FLOPs of layer '{name}' ({layer.GetType().Name}): the FLOP convention covers Conv2d, Linear, BatchNorm, LayerNorm, "
            + "ReLU/GELU/SiLU/Sigmoid/Tanh, Softmax, max/average/adaptive-average pooling, Flatten, Dropout, Identity and Contracts' AddLayer, "
            + "MatMulLayer and ScaleLayer; express other arithmetic with those");

    private static long Convolution(string name, Conv2d conv, Tensor input, Tensor output)
    {
        var (cout, cinPerGroup, kh, kw) = (conv.weight.shape[0], conv.weight.shape[1], conv.weight.shape[2], conv.weight.shape[3]);
        if (kh != kw || cinPerGroup != input.shape[1])
        {
            throw new NotSupportedException($"cannot count FLOPs of layer '{name}': only square, ungrouped convolutions are covered (kernel {kh}×{kw}, {input.shape[1]} input channels, {cinPerGroup} per group)");
        }

        return output.shape[0] * Flops.Conv2d((int)cinPerGroup, (int)cout, (int)kh, (int)output.shape[2], (int)output.shape[3], conv.bias is not null);
    }

    private static long Window(string name, long[] kernel, long[]? padding, Tensor output)
    {
        if (padding is not null && padding.Any(p => p != 0))
        {
            throw new NotSupportedException($"cannot count FLOPs of layer '{name}': padded pooling windows are not covered");
        }

        var window = kernel.Length == 1 ? kernel[0] * kernel[0] : kernel[0] * kernel[1];
        return output.numel() * window;
    }
}
