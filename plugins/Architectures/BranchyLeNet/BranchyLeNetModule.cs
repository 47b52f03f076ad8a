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
        _stages = BranchyLeNetCost.Stages(input, channels, headGrid);
        blocks = new ModuleList<Sequential>();
        heads = new ModuleList<Sequential>();
        var cin = input.Channels;
        foreach (var cout in channels)
        {
            blocks.Add(nn.Sequential(
                nn.Conv2d(cin, cout, kernel_size: 3, padding: 1),
                nn.ReLU(),
                nn.MaxPool2d(kernel_size: 2)));
            heads.Add(nn.Sequential(
                nn.AdaptiveAvgPool2d(new long[] { headGrid, headGrid }),
                nn.Flatten(),
                nn.Linear(cout * headGrid * headGrid, input.Classes)));
            cin = cout;
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
