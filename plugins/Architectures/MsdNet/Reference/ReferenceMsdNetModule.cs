using EarlyExitBench.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.MsdNet.Reference;

/// <summary>
/// MSDNet as kalviny/MSDNet-PyTorch's <c>models/msdnet.py</c> builds it: the same modules in the same order, so its
/// state_dict keys are the reference's without DataParallel's <c>module.</c> (<c>blocks.k.j.…</c>, <c>classifier.k.m.…</c>,
/// <c>classifier.k.linear.*</c>) and its checkpoints load as they are. Between stages the kept scales travel packed
/// (<see cref="ScalePacking"/>); <see cref="forward"/> keeps them as a list, as the reference does.
/// </summary>
public sealed class ReferenceMsdNetModule : MultiExitModule
{
    private readonly ModuleList<ModuleList<nn.Module<Tensor[], Tensor[]>>> blocks;
    private readonly ModuleList<ClassifierModule> classifier;
    private readonly IReadOnlyList<ScaleShape>[] _outputs;
    private readonly StageCost[] _stages;
    private readonly ReferenceConfig _config;
    private readonly InputSpec _input;

    /// <summary>Creates the network for <paramref name="input"/>.</summary>
    internal ReferenceMsdNetModule(InputSpec input, ReferenceConfig config)
        : base(nameof(ReferenceMsdNetModule))
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(config);
        (_config, _input) = (config, input);
        var costs = ReferenceCost.Stages(input, config);
        _stages = costs.Select(c => c.Cost).ToArray();
        StageOps = costs.Select(c => (c.BackboneOps, c.HeadOps)).ToArray();
        var (heights, widths) = (config.ScaleSizes(input.Height), config.ScaleSizes(input.Width));
        var plan = config.Plan(input.Channels);
        blocks = new ModuleList<ModuleList<nn.Module<Tensor[], Tensor[]>>>();
        classifier = new ModuleList<ClassifierModule>();
        _outputs = new IReadOnlyList<ScaleShape>[plan.Length];
        for (var k = 0; k < plan.Length; k++)
        {
            var block = new ModuleList<nn.Module<Tensor[], Tensor[]>>();
            foreach (var layer in plan[k].Layers)
            {
                block.Add(layer.Kind switch
                {
                    ReferenceLayerKind.First => new MsdnFirstLayer(layer.In, layer.Out, config),
                    ReferenceLayerKind.Dense => new MsdnLayer(layer, config),
                    _ => new ParallelModule(layer, config),
                });
            }

            blocks.Add(block);
            var first = config.Scales - plan[k].Scales;
            _outputs[k] = Enumerable.Range(first, plan[k].Scales).Select(s => new ScaleShape(plan[k].Channels * config.GrFactor[s], heights[s], widths[s])).ToArray();
            classifier.Add(new ClassifierModule(plan[k].Channels * config.GrFactor[^1], input.Classes, config.ImageNet));
        }

        RegisterComponents();
    }

    /// <inheritdoc />
    public override IReadOnlyList<StageCost> Stages => _stages;

    /// <summary>Each stage's block and classifier in the reference's <c>op_counter.py</c> convention (a multiply-add 1, …).</summary>
    public IReadOnlyList<(long Backbone, long Head)> StageOps { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> AdviseOnWeights(IReadOnlyDictionary<string, long[]> fileShapes) => CheckpointAdvice.For(fileShapes, _config, _input);

    /// <inheritdoc />
    public override Tensor ForwardBlock(int stage, Tensor features)
        => ScalePacking.Pack(RunBlock(stage, stage == 0 ? [features] : ScalePacking.UnpackAll(features, _outputs[stage - 1])));

    /// <inheritdoc />
    public override Tensor ForwardHead(int stage, Tensor features)
        => classifier[stage].call(ScalePacking.Unpack(features, _outputs[stage], _outputs[stage].Count - 1));

    /// <inheritdoc />
    public override Tensor[] forward(Tensor input)
    {
        var logits = new Tensor[blocks.Count];
        Tensor[] scales = [input];
        for (var k = 0; k < logits.Length; k++)
        {
            scales = RunBlock(k, scales);
            logits[k] = classifier[k].call(scales[^1]);
        }

        return logits;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            blocks.Dispose();
            classifier.Dispose();
        }

        base.Dispose(disposing);
    }

    private Tensor[] RunBlock(int stage, Tensor[] scales)
    {
        foreach (var layer in blocks[stage])
        {
            scales = layer.call(scales);
        }

        return scales;
    }
}
