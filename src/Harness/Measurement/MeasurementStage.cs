using System.Globalization;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Methods;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Measurement;

/// <summary>
/// Times real dynamic inference for one method of a cell (the suite's choice, else the cell's best global-threshold
/// method) at the thresholds giving 25/50/75% of the FLOPs and at matched accuracy, reusing that method's fitted objects.
/// </summary>
public static class MeasurementStage
{
    /// <summary>Measures the cell, or returns null (with a warning) when there is nothing to measure.</summary>
    public static MeasurementRecord? Measure(CellContext context, CellBundle bundle, CellMethods methods)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(methods);
        var (plan, cell, logger) = (context.Plan, context.Cell, context.Logger);
        var spec = plan.Measurement;
        if (!spec.Enabled || bundle.Split is null)
        {
            return null;
        }

        if (bundle.Checkpoint is null)
        {
            logger.Warning("{Cell}: only the logits of this model are cached, not its weights; run with --no-cache to measure it", cell.Name);
            return null;
        }

        var best = methods.Methods
            .Where(m => m.Key.IsGlobalThreshold)
            .OrderByDescending(m => m.Evaluation.Efficiency.Score)
            .ThenBy(m => m.Calibrator, StringComparer.Ordinal)
            .ThenBy(m => m.FailurePredictor, StringComparer.Ordinal)
            .FirstOrDefault();
        var key = (spec.Calibrator ?? best?.Calibrator, spec.FailurePredictor ?? best?.FailurePredictor);
        if (key.Item1 is null || key.Item2 is null || !methods.Fitted.TryGetValue((key.Item1, key.Item2), out var fitted))
        {
            logger.Warning("{Cell}: measurement.calibrator/failure_predictor must name a calibrator and a failure predictor of the suite that ran; skipping measurement", cell.Name);
            return null;
        }

        var architecture = plan.Architectures[cell.Architecture];
        var thresholds = ThresholdChoice.FromSweep(ExitSweep.Sweep(fitted.TestScores, fitted.TestCorrect, bundle.Bundle.ExitCost));
        // The bundle stage's model when it kept one (the architecture is built once per cell); its weights are replaced by the checkpoint's.
        manual_seed(cell.Seed);
        using var built = bundle.Model is null ? PluginCall.Run(architecture, "build", () => architecture.Create<IEarlyExitArchitecture>(logger, cell.Name, cell.Seed).Build(bundle.Split.Test.Input)) : null;
        var model = bundle.Model ?? built!;
        var device = TorchRuntime.Resolve(plan.Device);
        model.to(device);
        model.load(bundle.Checkpoint);
        var settings = new MeasurementSettings { Samples = spec.Samples, BatchSizes = spec.BatchSizes, MaxSecondsPerMeasurement = spec.MaxSeconds };
        logger.Information("{Cell}: measuring dynamic inference of {Calibrator}+{Predictor} at batch sizes {Batches}", cell.Name, key.Item1, key.Item2, string.Join(", ", spec.BatchSizes));
        var predictor = plan.FailurePredictors.Single(p => p.Label == key.Item2);
        var measurement = PluginCall.Run(predictor, "dynamic inference", () =>
            CellMeasurer.MeasureCell(model, bundle.Split.Test, new MeasuredMethod(fitted.Calibrators, fitted.Scorer, thresholds) { ExitCosts = bundle.Bundle.ExitCost }, settings, device, context.CancellationToken));
        foreach (var t in measurement.Thresholds)
        {
            logger.Information(
                "{Cell}: batch {Batch} {Label}: relative FLOPs {Flops:F3}, relative time {Time:F3}, time saved / FLOPs saved {Ratio}",
                cell.Name, t.BatchSize, t.Label, t.RelativeFlops, t.RelativeTime, t.TimeSavedPerFlopSaved?.ToString("F2", CultureInfo.InvariantCulture) ?? "n/a");
        }

        foreach (var overhead in measurement.DecisionOverhead)
        {
            logger.Information(
                "{Cell}: batch {Batch}: exit decisions (calibrate, score, gather) take {Decision:F3} ms against {Forward:F3} ms for the forward pass ({Share:P1})",
                cell.Name, overhead.BatchSize, overhead.DecisionMs, overhead.ForwardMs, overhead.Share);
        }

        return new MeasurementRecord(cell.Name, key.Item1, key.Item2, measurement) { TimeCost = TimeCostEfficiency.Compute(methods, measurement.ExitLatency) };
    }
}
