using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.MsdNet.Reference;

/// <summary>The reference's <c>ConvBasic</c>: conv (no bias) → BatchNorm → ReLU; keys <c>net.0.weight</c>, <c>net.1.*</c>.</summary>
internal sealed class ConvBasic : nn.Module<Tensor, Tensor>
{
    private readonly Sequential net;

    /// <summary>Creates the layer.</summary>
    public ConvBasic(int cin, int cout, int kernel, int stride, int padding)
        : base(nameof(ConvBasic))
    {
        net = nn.Sequential(nn.Conv2d(cin, cout, kernel, stride: stride, padding: padding, bias: false), nn.BatchNorm2d(cout), nn.ReLU(inplace: true));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => net.call(input);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            net.Dispose();
        }

        base.Dispose(disposing);
    }
}
