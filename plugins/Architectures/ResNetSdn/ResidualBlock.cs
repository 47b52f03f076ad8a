using EarlyExitBench.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.ResNetSdn;

/// <summary>
/// Basic residual block: conv3×3 → BN → ReLU → conv3×3 → BN, plus the input (through 1×1 conv stride s
/// → BN when the shape changes), then ReLU. Field names follow torchvision's state_dict keys
/// (<c>conv1</c>, <c>bn1</c>, <c>conv2</c>, <c>bn2</c>, <c>downsample.0</c>, <c>downsample.1</c>).
/// Every step is a submodule invoked with <c>call</c>, so a FLOP count of the real forward sees it; the analytic count is
/// <see cref="ResNetSdnCost.Block"/>.
/// </summary>
internal sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly ReLU relu1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Sequential? downsample;
    private readonly AddLayer add;
    private readonly ReLU relu2;

    /// <summary>Creates a block taking cin×h×w to cout×⌈h/stride⌉×⌈w/stride⌉.</summary>
    public ResidualBlock(int cin, int cout, int stride, int h, int w)
        : base(nameof(ResidualBlock))
    {
        conv1 = nn.Conv2d(cin, cout, kernel_size: 3, stride: stride, padding: 1, bias: false);
        bn1 = nn.BatchNorm2d(cout);
        relu1 = nn.ReLU();
        conv2 = nn.Conv2d(cout, cout, kernel_size: 3, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(cout);
        add = new AddLayer();
        relu2 = nn.ReLU();
        if (ResNetSdnCost.Projects(cin, cout, stride))
        {
            downsample = nn.Sequential(
                nn.Conv2d(cin, cout, kernel_size: 1, stride: stride, bias: false),
                nn.BatchNorm2d(cout));
        }

        (OutputHeight, OutputWidth) = (ResNetSdnCost.OutputSize(h, stride), ResNetSdnCost.OutputSize(w, stride));
        RegisterComponents();
    }

    /// <summary>Output height.</summary>
    public int OutputHeight { get; }

    /// <summary>Output width.</summary>
    public int OutputWidth { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var residual = downsample is null ? input : downsample.call(input);
        var main = bn2.call(conv2.call(relu1.call(bn1.call(conv1.call(input)))));
        return relu2.call(add.call(main, residual));
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            bn1.Dispose();
            relu1.Dispose();
            conv2.Dispose();
            bn2.Dispose();
            downsample?.Dispose();
            add.Dispose();
            relu2.Dispose();
        }

        base.Dispose(disposing);
    }
}
