using EarlyExitBench.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.MsdNet;

/// <summary>
/// MSDNet (Huang et al. 2018, "Multi-Scale Dense Networks for Resource Efficient Image Classification"), CIFAR
/// style: three scales (full, ½, ¼ resolution) of densely connected layers, and after every block a classifier
/// on the coarsest scale: conv3×3 stride 2 → conv3×3 stride 2 (BN, ReLU) → global average pool → linear. Unlike the
/// paper's CIFAR model, every block keeps all three scales (no scale pruning or compression transitions).
/// State_dict keys: <c>blocks.0.stem.s.net.0.weight</c>, <c>blocks.k.layers.j.normal.s.net.*</c>,
/// <c>blocks.k.layers.j.down.(s−1).net.*</c>, <c>heads.k.0.net.0.weight</c>, <c>heads.k.4.weight</c>.
/// </summary>
public sealed class MsdNetModule : MultiExitModule
{
    private readonly ModuleList<MsdBlock> blocks;
    private readonly ModuleList<Sequential> heads;
    private readonly IReadOnlyList<ScaleShape>[] _outputs;
    private readonly StageCost[] _stages;

    /// <summary>Creates the network for <paramref name="input"/>.</summary>
    internal MsdNetModule(InputSpec input, SmallConfig options)
        : base(nameof(MsdNetModule))
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        blocks = new ModuleList<MsdBlock>();
        heads = new ModuleList<Sequential>();
        _outputs = new IReadOnlyList<ScaleShape>[options.Blocks];
        _stages = MsdNetCost.Stages(input, options);
        for (var k = 0; k < options.Blocks; k++)
        {
            var block = k == 0
                ? new MsdBlock(new ScaleShape(input.Channels, input.Height, input.Width), options.BaseChannels, options.Base, options.GrowthRate, options.Bottleneck)
                : new MsdBlock(_outputs[k - 1], options.Step, options.GrowthRate, options.Bottleneck);
            blocks.Add(block);
            _outputs[k] = block.Outputs;

            var coarsest = block.Outputs[^1];
            var first = new ConvBn(coarsest.Channels, options.HeadChannels, 2, null, coarsest.Height, coarsest.Width);
            var second = new ConvBn(options.HeadChannels, options.HeadChannels, 2, null, first.OutputHeight, first.OutputWidth);
            heads.Add(nn.Sequential(first, second, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(options.HeadChannels, input.Classes)));
        }

        RegisterComponents();
    }

    /// <inheritdoc />
    public override IReadOnlyList<StageCost> Stages => _stages;

    /// <inheritdoc />
    public override IReadOnlyList<string> AdviseOnWeights(IReadOnlyDictionary<string, long[]> fileShapes)
        => fileShapes is not null && fileShapes.ContainsKey("classifier.0.linear.weight")
            ? ["the keys (blocks.k.j.*, classifier.k.*) are the reference MSDNet's (kalviny/MSDNet-PyTorch); set its options: n_blocks, step_mode, n_channels, gr_factor, bn_factor, data (docs/users/pretrained-msdnet.md)"]
            : [];

    /// <inheritdoc />
    public override Tensor ForwardBlock(int stage, Tensor features) => blocks[stage].call(features);

    /// <inheritdoc />
    public override Tensor ForwardHead(int stage, Tensor features)
        => heads[stage].call(ScalePacking.Unpack(features, _outputs[stage], _outputs[stage].Count - 1));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            blocks.Dispose();
            heads.Dispose();
        }

        base.Dispose(disposing);
    }
}
