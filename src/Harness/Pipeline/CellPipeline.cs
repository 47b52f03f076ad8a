using EarlyExitBench.Harness.Cells;
using EarlyExitBench.Harness.Measurement;
using EarlyExitBench.Harness.Methods;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Storage;
using EarlyExitBench.Harness.Training;

namespace EarlyExitBench.Harness.Pipeline;

/// <summary>One cell, start to finish: bundle → methods → measurement → result on disk.</summary>
/// <param name="bundles">The bundle stage (cache, train, record).</param>
/// <param name="store">Where finished cells go.</param>
/// <param name="fullSweeps">Whether to write each cell's full sweeps beside its result.</param>
public sealed class CellPipeline(BundleStage bundles, CellStore store, bool fullSweeps = false)
{
    /// <summary>Runs the cell of <paramref name="context"/> and stores its result. A plugin failure fails the cell, not the run.</summary>
    public void Run(CellContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (cell, logger) = (context.Cell, context.Logger);
        try
        {
            var bundle = bundles.Get(context);
            using var model = bundle.Model;
            var methods = context.Timer.Time("evaluate", false, () => new CellEvaluator(logger, fullSweeps).Evaluate(context, bundle.Bundle));
            var failures = methods.Failures.ToList();
            MeasurementRecord? measurement = null;
            if (context.Plan.Measurement.Enabled && methods.Methods.Count > 0)
            {
                try
                {
                    measurement = context.Timer.Time("measure", false, () => MeasurementStage.Measure(context, bundle, methods));
                }
                catch (PluginFailure failure)
                {
                    logger.Error(PluginTrace.Of(failure, logger), "{Cell}: {Message}; the cell is kept without its measurement", cell.Name, failure.Message);
                    failures.Add(FailureRecord.Of(cell.Name, cell.Seed, failure));
                }
            }

            if (fullSweeps)
            {
                AtomicFile.Write(store.SweepsPath(cell.Key), temp => SweepFile.Write(temp, methods.Methods));
            }

            // A bundle the user gave is already on disk: no copy of it beside the result.
            store.Write(new CellResult(cell.Key, bundle.Exits, methods.Methods, methods.Fits, failures, methods.Reliability, bundle.Split?.Ids), new CellTiming(context.Timer.Phases, measurement), cell.BundleFile is null ? bundle.Bundle : null);
        }
        catch (PluginFailure failure)
        {
            logger.Error(PluginTrace.Of(failure, logger), "{Cell}: {Message}; skipping this cell", cell.Name, failure.Message);
            store.Write(new CellResult(cell.Key, [], [], [], [FailureRecord.Of(cell.Name, cell.Seed, failure)], []), new CellTiming(context.Timer.Phases, null), null);
        }
    }
}
