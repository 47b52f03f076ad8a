using EarlyExitBench.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Measurement;

/// <summary>
/// Counts a multi-exit model's FLOPs from a real forward pass, independently of its analytic <see cref="StageCost"/>:
/// forward hooks on every leaf layer add up what each executed layer costs for the shapes it actually saw
/// (<see cref="LayerFlops"/>), stage by stage. Arithmetic done outside a layer is invisible to hooks, so models use
/// Contracts' <see cref="AddLayer"/>, <see cref="MatMulLayer"/> and <see cref="ScaleLayer"/> for it; a layer type the
/// convention does not cover is an error naming it.
/// </summary>
public static class FlopCounter
{
    /// <summary>Runs <paramref name="batchSize"/> random inputs through every stage in eval mode, without gradients.</summary>
    /// <param name="model">The model; its training mode is restored afterwards.</param>
    /// <param name="input">Input shape.</param>
    /// <param name="batchSize">Samples in the counting batch; counts are divided by it (and must divide exactly).</param>
    /// <returns>FLOPs per sample of each stage, exit 1 first.</returns>
    public static IReadOnlyList<CountedStage> Count(MultiExitModule model, InputSpec input, int batchSize = 2)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        long tally = 0;
        var removers = new List<Action>();
        foreach (var (name, module) in model.named_modules())
        {
            if (module.children().Any() || IsContainer(module))
            {
                continue; // composite or an empty list: its leaves are counted
            }

            removers.Add(Hook(name, module, flops => tally += flops));
        }

        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var device = model.parameters().FirstOrDefault()?.device ?? CPU;
            var features = randn([batchSize, input.Channels, input.Height, input.Width], device: device);
            var stages = new CountedStage[model.Stages.Count];
            for (var k = 0; k < stages.Length; k++)
            {
                var before = tally;
                features = model.ForwardBlock(k, features);
                var afterBlock = tally;
                model.ForwardHead(k, features);
                stages[k] = new CountedStage(PerSample(afterBlock - before, batchSize), PerSample(tally - afterBlock, batchSize));
            }

            return stages;
        }
        finally
        {
            removers.ForEach(remove => remove());
            model.train(wasTraining);
        }
    }

    private static Action Hook(string name, nn.Module module, Action<long> add)
    {
        switch (module)
        {
            case nn.Module<Tensor, Tensor> single:
                var one = single.register_forward_hook((layer, x, y) =>
                {
                    add(LayerFlops.Of(name, layer, x, y));
                    return y;
                });
                return one.remove;
            case nn.Module<Tensor, Tensor, Tensor> pair:
                var two = pair.register_forward_hook((layer, x1, _, y) =>
                {
                    add(LayerFlops.OfPair(name, layer, x1, y));
                    return y;
                });
                return two.remove;
            default:
                throw LayerFlops.Unsupported(name, module);
        }
    }

    private static bool IsContainer(nn.Module module)
    {
        var type = module.GetType();
        return module is Sequential
            || (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(ModuleList<>) || type.GetGenericTypeDefinition() == typeof(ModuleDict<>)));
    }

    private static long PerSample(long flops, int batchSize)
    {
        if (flops % batchSize != 0)
        {
            throw new InvalidOperationException($"{flops} FLOPs for a batch of {batchSize} is not a whole number per sample: some layer's cost does not scale with the batch");
        }

        return flops / batchSize;
    }
}
