using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Storage;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Training;

/// <summary>
/// The first stage of a cell: its logits bundle, from the cache when an intact entry is there, else by training (or
/// resuming training) and recording every exit on validation and test. One lock per model key serialises runs that
/// share a cache; a corrupt entry is logged, removed and recomputed.
/// </summary>
/// <param name="cache">The model cache.</param>
/// <param name="useCache">False to retrain and re-record even when cached (the results are still cached).</param>
/// <param name="progress">Training progress display.</param>
/// <param name="prefetch">A read of a given bundle started ahead of its cell, if any.</param>
public sealed class BundleStage(ModelCache cache, bool useCache, IProgressSink progress, BundlePrefetch? prefetch = null)
{
    /// <summary>Gets the bundle of <see cref="CellContext.Cell"/>.</summary>
    public CellBundle Get(CellContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cell = context.Cell;
        if (cell.BundleFile is { } file)
        {
            var given = context.Timer.Time("load bundle", true, () => prefetch?.Take(file) ?? BundleFile.Read(file, context.CancellationToken));
            return new CellBundle(given, ExitCosts.Of(given.ExitCost), null, null);
        }

        var dataset = context.Plan.Datasets[cell.Dataset];
        var architecture = context.Plan.Architectures[cell.Architecture];
        var split = DataSplit.Create(dataset.Splits, dataset.Spec, cell.Seed);
        manual_seed(cell.Seed);
        IEarlyExitArchitecture? created = null;
        var model = PluginCall.Run(architecture, "build", () => (created = architecture.Create<IEarlyExitArchitecture>(context.Logger, cell.Name, cell.Seed)).Build(split.Train.Input));
        try
        {
            var bundle = Get(context, model, split);

            // The cache holds costs in EarlyExitBench's convention; a suite that chose another gets its own from the description.
            if (context.Plan.CostConvention != Flops.EeBench)
            {
                var exits = ExitCosts.FromStages(InConvention(context, created!, model, split.Train.Input));
                bundle = bundle with { Bundle = bundle.Bundle with { ExitCost = exits.Select(e => e.Cost).ToArray() }, Exits = exits };
            }

            // Measurement runs this model rather than building the architecture again; when nothing will, it goes now.
            if (context.Plan.Measurement.Enabled && bundle.Checkpoint is not null)
            {
                return bundle with { Model = model };
            }

            model.Dispose();
            return bundle;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private CellBundle Get(CellContext context, MultiExitModule model, DataSplit split)
    {
        var cell = context.Cell;
        var exits = ExitCosts.Of(model);
        var checkpoint = cache.Checkpoint(cell.ModelKey);
        var bundlePath = cache.Bundle(cell.ModelKey);
        using var entry = EntryLock.Acquire(cache.Lock(cell.ModelKey), context.Logger, context.CancellationToken);
        if (useCache && Intact(bundlePath, context))
        {
            context.Logger.Information("{Cell}: logits bundle cached ({Key}); skipping training", cell.Name, cell.ModelKey);
            try
            {
                return new CellBundle(context.Timer.Time("load bundle", true, () => BundleFile.Read(bundlePath)), exits, split, AtomicFile.IsIntact(checkpoint, out _) ? checkpoint : null);
            }
            catch (InvalidDataException ex)
            {
                context.Logger.Warning("{Cell}: cached bundle {Path} is unreadable ({Message}); removing it and recomputing", cell.Name, bundlePath, ex.Message);
                AtomicFile.Remove(bundlePath);
            }
        }

        var device = TorchRuntime.Resolve(context.Plan.Device);
        model.to(device);
        if (useCache && Intact(checkpoint, context))
        {
            context.Logger.Information("{Cell}: trained model cached ({Key}); skipping training", cell.Name, cell.ModelKey);
            context.Timer.Time("load checkpoint", true, () => model.load(checkpoint));
        }
        else
        {
            if (cell.WeightsFile is { } weights)
            {
                Import(context, model, weights);
            }
            else
            {
                Train(context, model, split, device);
            }

            AtomicFile.WriteWithChecksum(checkpoint, temp => model.save(temp));
        }

        new TrainingCheckpoints(cache.TrainingState(cell.ModelKey), context.Logger).Clear();
        var bundle = context.Timer.Time("record logits", false, () => Record(context, model, split, exits, device));
        AtomicFile.WriteWithChecksum(bundlePath, temp => BundleFile.Write(temp, bundle));
        context.Logger.Information("{Cell}: test accuracy per exit {Accuracy}", cell.Name, string.Join(", ", bundle.TestLogits.Select(l => Accuracy(l, bundle.TestLabels).ToString("P2", System.Globalization.CultureInfo.InvariantCulture))));
        return new CellBundle(bundle, exits, split, checkpoint);
    }

    /// <summary>The architecture's stage costs in the plan's convention; a cell fails when it cannot count in it.</summary>
    private static IReadOnlyList<StageCost> InConvention(CellContext context, IEarlyExitArchitecture created, MultiExitModule model, InputSpec input)
    {
        var (architecture, convention) = (context.Plan.Architectures[context.Cell.Architecture], context.Plan.CostConvention);
        var stages = PluginCall.Run(architecture, "describe", () => created.Describe(input, convention) ?? []);
        if (stages.Count == 0)
        {
            throw new PluginFailure("architecture", architecture.Label, "describe",
                $"it cannot count its costs in 'cost_convention: {convention}' (it counts in {Flops.EeBench}); set cost_convention: {Flops.EeBench} or choose another architecture");
        }

        if (stages.Count != model.Stages.Count)
        {
            throw new PluginFailure("architecture", architecture.Label, "describe",
                $"its costs in '{convention}' describe {stages.Count} stages, but the network has {model.Stages.Count}");
        }

        return stages;
    }

    private void Train(CellContext context, MultiExitModule model, DataSplit split, Device device)
    {
        var (plan, cell) = (context.Plan, context.Cell);
        var recipe = plan.Recipes[cell.Recipe];
        var checkpoints = new TrainingCheckpoints(cache.TrainingState(cell.ModelKey), context.Logger);
        if (!useCache)
        {
            checkpoints.Clear();
        }

        context.Logger.Information("{Cell}: training {Epochs} epochs on {Train} samples ({Validation} held out for validation)", cell.Name, recipe.Epochs, split.Train.Count, split.Validation.Count);
        context.Timer.Time("train", false, () => progress.Track($"train {cell.Name}", report =>
            PluginCall.Run(plan.Architectures[cell.Architecture], "train", () =>
                Trainer.Train(new TrainingJob(model, split.Train, recipe, cell.Seed, device, context.Logger, report, checkpoints) { Validation = split.Validation }, context.CancellationToken))));
    }

    /// <summary>Loads imported weights strictly; a file that does not fit fails the cell with every mismatched key named.</summary>
    private static void Import(CellContext context, MultiExitModule model, string weights)
    {
        var architecture = context.Plan.Architectures[context.Cell.Architecture];
        var loaded = context.Timer.Time("load weights", true, () =>
        {
            try
            {
                return PyTorchWeights.Load(model, weights, architecture.Label);
            }
            catch (InvalidDataException ex)
            {
                throw new PluginFailure("architecture", architecture.Label, "load weights", ex.Message);
            }
        });
        context.Logger.Information("{Cell}: loaded {Count} tensors from {Weights}; nothing is trained", context.Cell.Name, loaded, weights);
    }

    private static LogitsBundle Record(CellContext context, MultiExitModule model, DataSplit split, IReadOnlyList<ExitInfo> exits, Device device)
    {
        var architecture = context.Plan.Architectures[context.Cell.Architecture];
        var validation = PluginCall.Run(architecture, "record logits", () => LogitsRecorder.Record(model, split.Validation, device));
        var test = PluginCall.Run(architecture, "record logits", () => LogitsRecorder.Record(model, split.Test, device));
        RequireFinite(validation, architecture.Label, "validation");
        RequireFinite(test, architecture.Label, "test");
        return new LogitsBundle(validation, split.Validation.Labels, test, split.Test.Labels, exits.Select(e => e.Cost).ToArray(), context.Plan.Datasets[context.Cell.Dataset].Splits.Name, architecture.Label);
    }

    private static bool Intact(string path, CellContext context)
    {
        if (AtomicFile.IsIntact(path, out var problem))
        {
            return true;
        }

        if (problem is not null)
        {
            context.Logger.Warning("{Cell}: cache entry {Path} is unusable: {Problem}; removing it and recomputing", context.Cell.Name, path, problem);
            AtomicFile.Remove(path);
        }

        return false;
    }

    private static void RequireFinite(IReadOnlyList<ClassMatrix> exits, string architecture, string split)
    {
        for (var k = 0; k < exits.Count; k++)
        {
            var values = exits[k].Values;
            for (var i = 0; i < values.Length; i++)
            {
                if (!float.IsFinite(values[i]))
                {
                    throw new PluginFailure("architecture", architecture, "record logits",
                        $"exit {k + 1} produced a non-finite logit ({values[i]}) for {split} sample {i / exits[k].Columns}; the model diverged or the architecture is numerically unstable");
                }
            }
        }
    }

    private static double Accuracy(ClassMatrix logits, int[] labels)
    {
        var correct = 0;
        for (var i = 0; i < logits.Rows; i++)
        {
            correct += Probabilities.ArgMax(logits.Row(i)) == labels[i] ? 1 : 0;
        }

        return (double)correct / logits.Rows;
    }
}
