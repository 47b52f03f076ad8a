using static TorchSharp.torch;

namespace EarlyExitBench.Contracts;

/// <summary>
/// Elementwise sum as a module (a residual or positional add), so the harness's FLOP count of a real
/// forward pass sees it: operations done with plain tensor arithmetic are invisible to module hooks.
/// No parameters, so it adds no state_dict keys.
/// </summary>
public sealed class AddLayer : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    public AddLayer()
        : base(nameof(AddLayer))
    {
    }

    /// <summary>Returns <paramref name="input1"/> + <paramref name="input2"/> (broadcasting).</summary>
    /// <param name="input1">The first operand.</param>
    /// <param name="input2">The second operand.</param>
    /// <returns>The sum; <see cref="Flops.Elementwise"/> of its size.</returns>
    public override Tensor forward(Tensor input1, Tensor input2)
    {
        ArgumentNullException.ThrowIfNull(input1);
        return input1.add(input2);
    }
}
