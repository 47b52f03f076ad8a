using EarlyExitBench.Contracts;

namespace EarlyExitBench.Architectures.MsdNet.Reference;

/// <summary>
/// Counts layers in two conventions at once: ours (<see cref="Flops"/>: a multiply-add 2, BatchNorm 2 per element, …) and
/// the reference's <c>op_counter.py</c> (<see cref="Ops"/>): a convolution's multiply-adds without its bias, a linear
/// layer's weights plus biases, a ReLU 1 per element, a pooling window 1 per element read, BatchNorm and concatenation 0.
/// </summary>
internal sealed class CostTally
{
    /// <summary>FLOPs in EarlyExitBench's convention.</summary>
    public long Flops { get; private set; }

    /// <summary>Operations in the convention of the reference's <c>op_counter.py</c>.</summary>
    public long Ops { get; private set; }

    /// <summary>Trainable parameters (BatchNorm's running statistics are buffers, not counted).</summary>
    public long Parameters { get; private set; }

    /// <summary>Conv → BatchNorm → ReLU (the reference's <c>ConvBasic</c>, and each half of its <c>ConvBN</c>).</summary>
    /// <returns>The output side (height, width).</returns>
    public (int Height, int Width) ConvBnRelu(int cin, int cout, int kernel, int stride, int padding, int height, int width, bool bias = false)
    {
        var (h, w) = (((height + (2 * padding) - kernel) / stride) + 1, ((width + (2 * padding) - kernel) / stride) + 1);
        long elements = (long)cout * h * w;
        Ops += (long)cin * cout * kernel * kernel * h * w;
        Flops += EarlyExitBench.Contracts.Flops.Conv2d(cin, cout, kernel, h, w, bias) + EarlyExitBench.Contracts.Flops.BatchNorm(elements);
        Parameters += ParameterCount.Conv2d(cin, cout, kernel, bias) + ParameterCount.Norm(cout);
        Relu(elements);
        return (h, w);
    }

    /// <summary>A ReLU on <paramref name="elements"/> values.</summary>
    public void Relu(long elements)
    {
        Ops += elements;
        Flops += EarlyExitBench.Contracts.Flops.Elementwise(elements);
    }

    /// <summary>A square pooling window (max or average) of side <paramref name="kernel"/>; op_counter counts channels · out² · kernel².</summary>
    public void Pool(int channels, int outHeight, int outWidth, int kernel)
    {
        Ops += (long)channels * outHeight * outWidth * kernel * kernel;
        Flops += EarlyExitBench.Contracts.Flops.Pool(channels, outHeight, outWidth, kernel * kernel);
    }

    /// <summary>A linear layer with bias on one feature vector.</summary>
    public void Linear(int inFeatures, int outFeatures)
    {
        Ops += ((long)inFeatures * outFeatures) + outFeatures;
        Flops += EarlyExitBench.Contracts.Flops.Linear(inFeatures, outFeatures);
        Parameters += ParameterCount.Linear(inFeatures, outFeatures);
    }
}
