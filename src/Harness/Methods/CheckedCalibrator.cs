using System.Runtime.ExceptionServices;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Testing;

namespace EarlyExitBench.Harness.Methods;

/// <summary>
/// A calibrator plugin behind the plugin-call boundary: each call guarded, each output checked by <see cref="OutputChecks"/>
/// (probabilities in [0, 1] with rows summing to 1, finite calibrated logits, the shape of the input). Exits are fitted and applied in parallel, each on its own instance;
/// when several fail, the failure reported is the lowest exit's, whatever the thread order.
/// </summary>
/// <param name="run">The cell.</param>
/// <param name="plugin">The calibrator.</param>
internal sealed class CheckedCalibrator(CellRun run, ResolvedPlugin plugin)
{
    private const string Kind = "calibrator";

    /// <summary>How far a probability row's sum may be from 1 (<see cref="OutputChecks.RowSumTolerance"/>, the check plugin authors run too).</summary>
    public const double RowSumTolerance = OutputChecks.RowSumTolerance;

    /// <summary>Fits the calibrator on each exit's validation logits, calibrates both splits and reads the test exits' outputs once.</summary>
    public Calibration Calibrate()
    {
        var bundle = run.Bundle;
        var fitted = PerExit(bundle.Exits, k => run.Limit.Run(plugin, $"fit (exit {k + 1})", token =>
            run.Create<ICalibrator>(plugin).Fit(bundle.ValidationLogits[k], bundle.ValidationLabels, token)));
        var parameters = fitted.Select(f => (IReadOnlyDictionary<string, double>)new SortedDictionary<string, double>(f.Parameters.ToDictionary(), StringComparer.Ordinal)).ToList();
        var splits = new CalibratedSplits(fitted, parameters, Outputs(fitted, bundle.ValidationLogits, "validation"), Outputs(fitted, bundle.TestLogits, "test"));
        var test = splits.Test;
        var outputs = ExitOutputs.ForExits(test.CalibratedLogits ?? test.Probabilities, test.CalibratedLogits is not null, bundle.TestLabels, run.Bins);
        return new Calibration(plugin.Label, splits, outputs);
    }

    /// <summary>
    /// One split calibrated. Logit calibrators: probabilities come from the calibrated logits in double precision and are
    /// made only if a score reads them. Others: every exit's probabilities, checked.
    /// </summary>
    private MultiExitOutputs Outputs(IReadOnlyList<IFittedCalibrator> fitted, IReadOnlyList<ClassMatrix> logits, string split)
    {
        ClassMatrix Apply(int k) => CheckProbabilities(run.Limit.Run(plugin, $"apply (exit {k + 1}, {split})", _ => fitted[k].Apply(logits[k])), logits[k], k);
        if (!fitted.All(f => f is ILogitCalibration))
        {
            return new MultiExitOutputs(logits, PerExit(logits.Count, Apply));
        }

        var calibrated = PerExit(logits.Count, k => CheckLogits(
            run.Limit.Run(plugin, $"calibrate logits (exit {k + 1}, {split})", _ => ((ILogitCalibration)fitted[k]).CalibrateLogits(logits[k])), logits[k], k));
        return new MultiExitOutputs(logits, new LazyExits<ClassMatrix>(logits.Count, Apply)) { CalibratedLogits = calibrated };
    }

    /// <summary>Runs <paramref name="call"/> for every exit in parallel; rethrows the lowest exit's exception, if any.</summary>
    private static T[] PerExit<T>(int exits, Func<int, T> call)
    {
        var results = new T[exits];
        var errors = new ExceptionDispatchInfo?[exits];
        Parallel.For(0, exits, k =>
        {
            try
            {
                results[k] = call(k);
            }
            catch (Exception exception)
            {
                errors[k] = ExceptionDispatchInfo.Capture(exception);
            }
        });
        Array.Find(errors, e => e is not null)?.Throw();
        return results;
    }

    private ClassMatrix CheckProbabilities(ClassMatrix probabilities, ClassMatrix logits, int exit) =>
        OutputChecks.Probabilities(probabilities, logits) is { } problem
            ? throw new PluginFailure(Kind, plugin.Label, $"apply (exit {exit + 1})", problem)
            : probabilities;

    private ClassMatrix CheckLogits(ClassMatrix calibrated, ClassMatrix logits, int exit) =>
        OutputChecks.CalibratedLogits(calibrated, logits) is { } problem
            ? throw new PluginFailure(Kind, plugin.Label, $"calibrate logits (exit {exit + 1})", problem)
            : calibrated;
}
