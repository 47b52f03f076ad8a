using EarlyExitBench.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.MsdNet;

/// <summary>
/// The paper's <c>ConvBN</c>/<c>ConvBasic</c>: an optional 1×1 bottleneck (conv → BN → ReLU), then conv3×3
/// (padding 1, stride 1 or 2) → BN → ReLU; convolutions have no bias. State_dict keys <c>net.0.weight</c>, … as in
/// the reference implementation. Its analytic cost is <see cref="MsdNetCost.ConvBn"/>.
/// </summary>
internal sealed class ConvBn : nn.Module<Tensor, Tensor>
{
    private readonly Sequential net;

    /// <summary>Creates the layer for a cin×h×w input.</summary>
    /// <param name="cin">Input channels.</param>
    /// <param name="cout">Output channels.</param>
    /// <param name="stride">1 ("normal") or 2 ("down").</param>
    /// <param name="inner">Bottleneck width, or null for none.</param>
    /// <param name="h">Input height.</param>
    /// <param name="w">Input width.</param>
    public ConvBn(int cin, int cout, int stride, int? inner, int h, int w)
        : base(nameof(ConvBn))
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var c = cin;
        if (inner is { } width)
        {
            layers.Add(nn.Conv2d(cin, width, kernel_size: 1, bias: false));
            layers.Add(nn.BatchNorm2d(width));
            layers.Add(nn.ReLU());
            c = width;
        }

        layers.Add(nn.Conv2d(c, cout, kernel_size: 3, stride: stride, padding: 1, bias: false));
        layers.Add(nn.BatchNorm2d(cout));
        layers.Add(nn.ReLU());
        (OutputHeight, OutputWidth) = (MsdNetCost.OutputSize(h, stride), MsdNetCost.OutputSize(w, stride));
        net = nn.Sequential(layers);
        RegisterComponents();
    }

    /// <summary>Output height: ⌊(h − 1)/stride⌋ + 1.</summary>
    public int OutputHeight { get; }

    /// <summary>Output width.</summary>
    public int OutputWidth { get; }

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
