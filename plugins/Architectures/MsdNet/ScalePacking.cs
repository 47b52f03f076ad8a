using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.MsdNet;

/// <summary>
/// The contract passes one tensor between blocks, and dynamic inference drops exited rows from it, so the three
/// scales travel flattened side by side as [batch, Σ C·H·W]. Packing is a copy and unpacking a view: no FLOPs.
/// </summary>
internal static class ScalePacking
{
    /// <summary>Flattens every scale and concatenates them along dimension 1.</summary>
    public static Tensor Pack(IReadOnlyList<Tensor> scales)
        => cat(scales.Select(s => s.flatten(1)).ToArray(), 1);

    /// <summary>Views scale <paramref name="index"/> of a packed tensor as [batch, C, H, W].</summary>
    public static Tensor Unpack(Tensor packed, IReadOnlyList<ScaleShape> shapes, int index)
    {
        long offset = 0;
        for (var s = 0; s < index; s++)
        {
            offset += shapes[s].Elements;
        }

        var shape = shapes[index];
        return packed.narrow(1, offset, shape.Elements).reshape(packed.shape[0], shape.Channels, shape.Height, shape.Width);
    }

    /// <summary>Every scale of a packed tensor.</summary>
    public static Tensor[] UnpackAll(Tensor packed, IReadOnlyList<ScaleShape> shapes)
        => Enumerable.Range(0, shapes.Count).Select(s => Unpack(packed, shapes, s)).ToArray();
}
