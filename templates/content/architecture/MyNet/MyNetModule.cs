using EarlyExitBench.Contracts;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MyNet;

/// <summary>
/// A multi-exit MLP: stage k is linear + ReLU, exit k a linear classifier on its output. Submodule fields are named like
/// PyTorch state_dict keys (<c>blocks.0.0.weight</c>, <c>heads.0.weight</c>) so weights can come from PyTorch.
/// </summary>
public sealed class MyNetModule : MultiExitModule
{
    private readonly ModuleList<Sequential> blocks = new();
    private readonly ModuleList<Linear> heads = new();
    private readonly IReadOnlyList<StageCost> _stages;

    /// <summary>Creates the layers for <paramref name="input"/>.</summary>
    public MyNetModule(InputSpec input, IReadOnlyList<int> widths)
        : base(nameof(MyNetModule))
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(widths);
        var features = input.Channels * input.Height * input.Width;
        foreach (var width in widths)
        {
            // Every operation a module, ReLU included: the harness counts FLOPs through forward hooks on leaf modules.
            blocks.Add(nn.Sequential(nn.Linear(features, width), nn.ReLU()));
            heads.Add(nn.Linear(width, input.Classes));
            features = width;
        }

        _stages = MyNetCost.Stages(input, widths);
        RegisterComponents(); // last, after every submodule exists
    }

    /// <inheritdoc />
    public override IReadOnlyList<StageCost> Stages => _stages;

    /// <inheritdoc />
    public override Tensor ForwardBlock(int stage, Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var x = stage == 0 ? features.flatten(1) : features;

        // call(), not forward(): TorchSharp runs the forward hooks the harness counts FLOPs with only through call().
        return blocks[stage].call(x);
    }

    /// <inheritdoc />
    public override Tensor ForwardHead(int stage, Tensor features) => heads[stage].call(features);

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
