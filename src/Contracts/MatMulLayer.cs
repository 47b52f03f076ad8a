using static TorchSharp.torch;

namespace EarlyExitBench.Contracts;

/// <summary>
/// Batched matrix product as a module (attention's q·kᵀ and weights·v), so the harness's FLOP count of a real
/// forward pass sees it. No parameters.
/// </summary>
public sealed class MatMulLayer : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    public MatMulLayer()
        : base(nameof(MatMulLayer))
    {
    }

    /// <summary>Returns <paramref name="input1"/> · <paramref name="input2"/> over the last two dimensions.</summary>
    /// <param name="input1">[…, m, k].</param>
    /// <param name="input2">[…, k, n].</param>
    /// <returns>[…, m, n]; <see cref="Flops.MatMul"/> per leading index.</returns>
    public override Tensor forward(Tensor input1, Tensor input2)
    {
        ArgumentNullException.ThrowIfNull(input1);
        return input1.matmul(input2);
    }
}
