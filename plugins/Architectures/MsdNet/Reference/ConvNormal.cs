using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.MsdNet.Reference;

/// <summary>The reference's <c>ConvNormal</c>: [x, conv(x)] on the finest scale kept; key <c>conv_normal.net.*</c>.</summary>
internal sealed class ConvNormal : nn.Module<Tensor[], Tensor>
{
    private readonly BottleneckConv conv_normal;

    /// <summary>Creates the layer.</summary>
    public ConvNormal(int cin, int cout, bool bottleneck, int bnWidth)
        : base(nameof(ConvNormal))
    {
        conv_normal = new BottleneckConv(cin, cout, 1, bottleneck, bnWidth);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor[] input) => cat([input[0], conv_normal.call(input[0])], 1);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv_normal.Dispose();
        }

        base.Dispose(disposing);
    }
}
