using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.MsdNet.Reference;

/// <summary>
/// The reference's <c>ConvBN</c>: with a bottleneck, conv1×1 to min(in, bnWidth·out) → BN → ReLU (<c>net.0</c>–<c>net.2</c>),
/// then conv3×3 stride 1 ("normal") or 2 ("down") → BN → ReLU (<c>net.3</c>–<c>net.5</c>; <c>net.0</c>–<c>net.2</c> without).
/// </summary>
internal sealed class BottleneckConv : nn.Module<Tensor, Tensor>
{
    private readonly Sequential net;

    /// <summary>Creates the layer.</summary>
    public BottleneckConv(int cin, int cout, int stride, bool bottleneck, int bnWidth)
        : base(nameof(BottleneckConv))
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var inner = cin;
        if (bottleneck)
        {
            inner = Math.Min(cin, bnWidth * cout);
            layers.AddRange([nn.Conv2d(cin, inner, 1, bias: false), nn.BatchNorm2d(inner), nn.ReLU(inplace: true)]);
        }

        layers.AddRange([nn.Conv2d(inner, cout, 3, stride: stride, padding: 1, bias: false), nn.BatchNorm2d(cout), nn.ReLU(inplace: true)]);
        net = nn.Sequential(layers);
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
