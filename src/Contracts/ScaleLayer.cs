using static TorchSharp.torch;

namespace EarlyExitBench.Contracts;

/// <summary>Multiplication by a constant as a module (attention's 1/√d), so a FLOP count of a real forward pass sees it.</summary>
public sealed class ScaleLayer : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer.</summary>
    /// <param name="factor">The constant.</param>
    public ScaleLayer(double factor)
        : base(nameof(ScaleLayer))
    {
        Factor = factor;
    }

    /// <summary>The constant the input is multiplied by.</summary>
    public double Factor { get; }

    /// <summary>Returns the input times <see cref="Factor"/>.</summary>
    /// <param name="input">Any tensor.</param>
    /// <returns>The scaled tensor; <see cref="Flops.Elementwise"/> of its size.</returns>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.mul(Factor);
    }
}
