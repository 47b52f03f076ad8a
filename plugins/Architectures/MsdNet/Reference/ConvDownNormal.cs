using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.MsdNet.Reference;

/// <summary>
/// The reference's <c>ConvDownNormal</c> on [finer, this] scale: [this, down(finer), normal(this)], each conv adding half
/// the channels; keys <c>conv_down.net.*</c>, <c>conv_normal.net.*</c>.
/// </summary>
internal sealed class ConvDownNormal : nn.Module<Tensor[], Tensor>
{
    private readonly BottleneckConv conv_down;
    private readonly BottleneckConv conv_normal;

    /// <summary>Creates the layer.</summary>
    public ConvDownNormal(int finerChannels, int cin, int cout, bool bottleneck, int finerBnWidth, int bnWidth)
        : base(nameof(ConvDownNormal))
    {
        conv_down = new BottleneckConv(finerChannels, cout / 2, 2, bottleneck, finerBnWidth);
        conv_normal = new BottleneckConv(cin, cout / 2, 1, bottleneck, bnWidth);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor[] input) => cat([input[1], conv_down.call(input[0]), conv_normal.call(input[1])], 1);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv_down.Dispose();
            conv_normal.Dispose();
        }

        base.Dispose(disposing);
    }
}
