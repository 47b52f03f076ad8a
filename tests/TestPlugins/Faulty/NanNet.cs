using EarlyExitBench.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TestPlugin.Faulty;

/// <summary>A two-exit network whose logits are NaN: training must fail its cell, not the run.</summary>
internal sealed class NanNet : MultiExitModule
{
    private readonly Linear head;
    private readonly StageCost[] _stages = [new(10, 10, 0, 0), new(10, 10, 0, 0)];

    public NanNet(InputSpec input)
        : base(nameof(NanNet))
    {
        head = nn.Linear(input.Channels * input.Height * input.Width, input.Classes);
        RegisterComponents();
    }

    public override IReadOnlyList<StageCost> Stages => _stages;

    public override Tensor ForwardBlock(int stage, Tensor features) => stage == 0 ? features.flatten(1) : features;

    public override Tensor ForwardHead(int stage, Tensor features) => head.forward(features) * float.NaN;
}

internal sealed class NanNetArchitecture : IEarlyExitArchitecture
{
    public MultiExitModule Build(InputSpec input) => new NanNet(input);
}
