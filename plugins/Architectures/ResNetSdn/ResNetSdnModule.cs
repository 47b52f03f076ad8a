using EarlyExitBench.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.ResNetSdn;

/// <summary>
/// SDN-style ResNet (Kaya et al. 2019, "Shallow-Deep Networks"): a stem conv3×3 → BN → ReLU, then one
/// stage of basic residual blocks per width (stride 2 at the start of every stage after the first),
/// and an internal classifier after every block: adaptive average pool to grid×grid → flatten → linear.
/// Stage k of the contract is residual block k (block 0 also runs the stem). State_dict keys:
/// <c>stem.0.weight</c>, <c>blocks.k.conv1.weight</c>, <c>blocks.k.downsample.0.weight</c>, <c>heads.k.2.weight</c>.
/// </summary>
public sealed class ResNetSdnModule : MultiExitModule
{
    private readonly Sequential stem;
    private readonly ModuleList<ResidualBlock> blocks;
    private readonly ModuleList<Sequential> heads;
    private readonly StageCost[] _stages;

    /// <summary>Creates the network for <paramref name="input"/>: <paramref name="blocksPerStage"/> blocks and exits per entry of <paramref name="widths"/>.</summary>
    public ResNetSdnModule(InputSpec input, IReadOnlyList<int> widths, int blocksPerStage, int headGrid)
        : base(nameof(ResNetSdnModule))
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentOutOfRangeException.ThrowIfZero(widths.Count, nameof(widths));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blocksPerStage);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(headGrid);

        _stages = ResNetSdnCost.Stages(input, widths, blocksPerStage, headGrid);
        var (cin, h, w) = (input.Channels, input.Height, input.Width);
        stem = nn.Sequential(
            nn.Conv2d(cin, widths[0], kernel_size: 3, padding: 1, bias: false),
            nn.BatchNorm2d(widths[0]),
            nn.ReLU());
        cin = widths[0];

        blocks = new ModuleList<ResidualBlock>();
        heads = new ModuleList<Sequential>();
        for (var s = 0; s < widths.Count; s++)
        {
            for (var b = 0; b < blocksPerStage; b++)
            {
                var cout = widths[s];
                var block = new ResidualBlock(cin, cout, stride: s > 0 && b == 0 ? 2 : 1, h, w);
                blocks.Add(block);
                (cin, h, w) = (cout, block.OutputHeight, block.OutputWidth);
                heads.Add(nn.Sequential(
                    nn.AdaptiveAvgPool2d(new long[] { headGrid, headGrid }),
                    nn.Flatten(),
                    nn.Linear(cout * headGrid * headGrid, input.Classes)));
            }
        }

        RegisterComponents();
    }

    /// <inheritdoc />
    public override IReadOnlyList<StageCost> Stages => _stages;

    /// <inheritdoc />
    public override Tensor ForwardBlock(int stage, Tensor features)
        => blocks[stage].forward(stage == 0 ? stem.forward(features) : features);

    /// <inheritdoc />
    public override Tensor ForwardHead(int stage, Tensor features) => heads[stage].forward(features);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stem.Dispose();
            blocks.Dispose();
            heads.Dispose();
        }

        base.Dispose(disposing);
    }
}
