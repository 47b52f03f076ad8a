using System.Runtime.ExceptionServices;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Harness.Methods;

/// <summary>
/// A calibrator plugin behind the plugin-call boundary: each call guarded, each output checked (probabilities in [0, 1],
/// finite calibrated logits, the shape of the input). Exits are fitted and applied in parallel, each on its own instance;
/// when several fail, the failure reported is the lowest exit's, whatever the thread order.
/// </summary>
/// <param name="run">The cell.</param>
/// <param name="plugin">The calibrator.</param>
internal sealed class CheckedCalibrator(CellRun run, ResolvedPlugin plugin)
{
    private const string Kind = "calibrator";

    /// <summary>
    /// How far a probability row's sum may be from 1: float32 rounding of a softmax over a thousand classes stays near 1e-5,
    /// while a calibrator that forgets to normalise misses by far more.
    /// </summary>
    public const double RowSumTolerance = 1e-3;

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

    private ClassMatrix CheckProbabilities(ClassMatrix probabilities, ClassMatrix logits, int exit)
    {
        if (probabilities.Rows != logits.Rows || probabilities.Columns != logits.Columns)
        {
            throw new PluginFailure(Kind, plugin.Label, $"apply (exit {exit + 1})", $"returned {probabilities.Rows}×{probabilities.Columns} for {logits.Rows}×{logits.Columns} logits");
        }

        var values = probabilities.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]) || values[i] < 0 || values[i] > 1.0001f)
            {
                throw new PluginFailure(Kind, plugin.Label, $"apply (exit {exit + 1})", $"probability {values[i]} at sample {i / logits.Columns}, class {i % logits.Columns} is not in [0, 1]");
            }
        }

        for (var row = 0; row < probabilities.Rows; row++)
        {
            var sum = 0.0;
            foreach (var p in probabilities.Row(row))
            {
                sum += p;
            }

            if (Math.Abs(sum - 1) > RowSumTolerance)
            {
                throw new PluginFailure(
                    Kind,
                    plugin.Label,
                    $"apply (exit {exit + 1})",
                    $"the probabilities of sample {row} sum to {sum.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}, not 1 (±{RowSumTolerance.ToString(System.Globalization.CultureInfo.InvariantCulture)}): ECE, Brier and NLL of such rows are not those of a distribution");
            }
        }

        return probabilities;
    }

    private ClassMatrix CheckLogits(ClassMatrix calibrated, ClassMatrix logits, int exit)
    {
        if (ReferenceEquals(calibrated, logits))
        {
            return calibrated;
        }

        if (calibrated.Rows != logits.Rows || calibrated.Columns != logits.Columns)
        {
            throw new PluginFailure(Kind, plugin.Label, $"calibrate logits (exit {exit + 1})", $"returned {calibrated.Rows}×{calibrated.Columns} for {logits.Rows}×{logits.Columns} logits");
        }

        var bad = calibrated.Values.IndexOfAnyExceptInRange(float.MinValue, float.MaxValue);
        if (bad >= 0)
        {
            throw new PluginFailure(Kind, plugin.Label, $"calibrate logits (exit {exit + 1})", $"calibrated logit {calibrated.Values[bad]} at sample {bad / logits.Columns}, class {bad % logits.Columns} is not finite");
        }

        return calibrated;
    }
}
