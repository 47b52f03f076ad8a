using EarlyExitBench.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.BranchyLeNet;

/// <summary>
/// Stage k: conv3×3 (padding 1) → ReLU → max-pool 2×2, then exit k: adaptive average pool to
/// grid×grid → flatten → linear. Submodule names follow the state_dict keys (<c>blocks.k.0.weight</c>).
/// </summary>
public sealed class BranchyLeNetModule : MultiExitModule
{
    private readonly ModuleList<Sequential> blocks;
    private readonly ModuleList<Sequential> heads;
    private readonly StageCost[] _stages;

    /// <summary>Creates the network for <paramref name="input"/> with one block and exit per entry of <paramref name="channels"/>.</summary>
    public BranchyLeNetModule(InputSpec input, IReadOnlyList<int> channels, int headGrid)
        : base(nameof(BranchyLeNetModule))
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(channels);
        blocks = new ModuleList<Sequential>();
        heads = new ModuleList<Sequential>();
        _stages = new StageCost[channels.Count];

        var (cin, h, w) = (input.Channels, input.Height, input.Width);
        for (var k = 0; k < channels.Count; k++)
        {
            var cout = channels[k];
            if (h < 2 || w < 2)
            {
                throw new ArgumentException($"Input {input.Height}×{input.Width} is too small for {channels.Count} pooling blocks.", nameof(channels));
            }

            blocks.Add(nn.Sequential(
                nn.Conv2d(cin, cout, kernel_size: 3, padding: 1),
                nn.ReLU(),
                nn.MaxPool2d(kernel_size: 2)));
            var convFlops = Flops.Conv2d(cin, cout, 3, h, w, bias: true) + Flops.Elementwise((long)cout * h * w);
            var (ph, pw) = (h / 2, w / 2);
            var blockFlops = convFlops + Flops.Pool(cout, ph, pw, 2 * 2);

            var features = cout * headGrid * headGrid;
            heads.Add(nn.Sequential(
                nn.AdaptiveAvgPool2d(new long[] { headGrid, headGrid }),
                nn.Flatten(),
                nn.Linear(features, input.Classes)));
            var headFlops = Flops.AdaptiveAvgPool(cout, ph, pw, headGrid, headGrid) + Flops.Linear(features, input.Classes);

            _stages[k] = new StageCost(
                blockFlops,
                headFlops,
                BackboneParameters: ParameterCount.Conv2d(cin, cout, 3, bias: true),
                HeadParameters: ParameterCount.Linear(features, input.Classes));
            (cin, h, w) = (cout, ph, pw);
        }

        RegisterComponents();
    }

    /// <inheritdoc />
    public override IReadOnlyList<StageCost> Stages => _stages;

    /// <inheritdoc />
    public override Tensor ForwardBlock(int stage, Tensor features) => blocks[stage].forward(features);

    /// <inheritdoc />
    public override Tensor ForwardHead(int stage, Tensor features) => heads[stage].forward(features);

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
