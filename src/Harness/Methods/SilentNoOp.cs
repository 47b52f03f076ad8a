using System.Globalization;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Harness.Methods;

/// <summary>
/// Finds a calibrator whose fit left miscalibrated data unchanged: a silent no-op (netcal's temperature and logistic
/// calibration shipped that bug for years). An exit is a silent no-op when, for a calibrator not registered as the
/// identity (<see cref="PluginInfo.IsIdentity"/>), both hold on the validation data it was fitted on:
/// <list type="bullet">
/// <item>its outputs equal the plain softmax of the logits: no probability differs by more than <see cref="Tolerance"/>
/// (compared in double precision; from calibrated logits where it gives them, else from its float probabilities);</item>
/// <item>that softmax needed calibration: its ECE (15 equal-width bins of the maximum probability) is at least
/// <see cref="EceThreshold"/>.</item>
/// </list>
/// The cell then gets one <see cref="Kind"/> record per calibrator naming those exits. It is a warning: every value and
/// rank stays as computed, and the calibrator's methods stay in the leaderboard.
/// </summary>
public static class SilentNoOp
{
    /// <summary>
    /// Largest change of any probability that still counts as unchanged: float32 outputs of the same softmax differ from
    /// the double one by a few 1e-8, while a fit that moves ECE by a visible amount moves some probability by far more.
    /// </summary>
    public const double Tolerance = 1e-6;

    /// <summary>Validation ECE of the uncalibrated softmax from which leaving it unchanged is a no-op (0.05: five points).</summary>
    public const double EceThreshold = 0.05;

    /// <summary>The record's kind: a warning, not a failed call.</summary>
    public const string Kind = "warning";

    /// <summary>The record's stage.</summary>
    public const string Stage = "fit (silent no-op)";

    private const int Bins = 15;

    /// <summary>The cell's record for <paramref name="calibrator"/>, if it is a silent no-op at some exit (logged as a warning).</summary>
    /// <param name="context">The cell.</param>
    /// <param name="calibrator">The calibrator that was fitted.</param>
    /// <param name="bundle">The cell's logits and labels.</param>
    /// <param name="validation">The calibrator's outputs on <paramref name="bundle"/>'s validation logits.</param>
    /// <returns>No record, or one.</returns>
    public static IReadOnlyList<FailureRecord> Check(CellContext context, ResolvedPlugin calibrator, LogitsBundle bundle, MultiExitOutputs validation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(calibrator);
        ArgumentNullException.ThrowIfNull(bundle);
        if (calibrator.Registration.Info.IsIdentity)
        {
            return [];
        }

        var exits = Find(bundle.ValidationLogits, bundle.ValidationLabels, validation);
        if (exits.Count == 0)
        {
            return [];
        }

        var record = new FailureRecord(context.Cell.Name, context.Cell.Seed, Kind, calibrator.Label, Stage, Message(exits));
        context.Logger.Warning("{Cell} seed {Seed}: calibrator '{Plugin}' is a silent no-op: {Message}", record.Cell, record.Seed, record.Plugin, record.Message);
        return [record];
    }

    /// <summary>The exits at which <paramref name="calibrated"/> is a silent no-op on <paramref name="logits"/> (0-based), with the ECE there.</summary>
    /// <param name="logits">Per exit, the validation logits the calibrator was fitted on.</param>
    /// <param name="labels">Validation labels.</param>
    /// <param name="calibrated">The calibrator's outputs on <paramref name="logits"/>.</param>
    /// <returns>(exit, ECE of the uncalibrated softmax, largest change of a probability) per silent exit.</returns>
    public static IReadOnlyList<(int Exit, double Ece, double Change)> Find(IReadOnlyList<ClassMatrix> logits, ReadOnlySpan<int> labels, MultiExitOutputs calibrated)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(calibrated);
        var result = new List<(int, double, double)>();
        for (var k = 0; k < logits.Count; k++)
        {
            var change = LargestChange(logits[k], calibrated.CalibratedLogits?[k], calibrated.CalibratedLogits is null ? calibrated.Probabilities[k] : null);
            if (change <= Tolerance && Ece(logits[k], labels) is var ece && ece >= EceThreshold)
            {
                result.Add((k, ece, change));
            }
        }

        return result;
    }

    // Stops at the first row that moved more than the tolerance: for a calibrator that works, that is the first row.
    private static double LargestChange(ClassMatrix logits, ClassMatrix? calibratedLogits, ClassMatrix? probabilities)
    {
        if (ReferenceEquals(calibratedLogits, logits))
        {
            return 0;
        }

        var (before, after) = (new double[logits.Columns], new double[logits.Columns]);
        var largest = 0.0;
        for (var i = 0; i < logits.Rows; i++)
        {
            Probabilities.SoftmaxRow(logits.Row(i), 1.0, before);
            if (calibratedLogits is not null)
            {
                Probabilities.SoftmaxRow(calibratedLogits.Row(i), 1.0, after);
            }
            else
            {
                var row = probabilities!.Row(i);
                for (var c = 0; c < after.Length; c++)
                {
                    after[c] = row[c];
                }
            }

            for (var c = 0; c < after.Length; c++)
            {
                largest = Math.Max(largest, Math.Abs(after[c] - before[c]));
            }

            if (largest > Tolerance)
            {
                return largest;
            }
        }

        return largest;
    }

    // ECE of the plain softmax over 15 equal-width bins of the maximum probability: the shipped `ece` metric's formula.
    private static double Ece(ClassMatrix logits, ReadOnlySpan<int> labels)
    {
        if (logits.Rows == 0)
        {
            return 0;
        }

        var (confidence, correct) = (new double[logits.Rows], new bool[logits.Rows]);
        for (var i = 0; i < logits.Rows; i++)
        {
            var row = logits.Row(i);
            confidence[i] = Probabilities.MaxSoftmax(row);
            correct[i] = Probabilities.ArgMax(row) == labels[i];
        }

        return Evaluation.Metrics.Ece.Of(ReliabilityBins.Create(SortedConfidence.Create(confidence, correct), Bins));
    }

    private static string Message(IReadOnlyList<(int Exit, double Ece, double Change)> exits)
    {
        static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        var plural = exits.Count > 1 ? "s" : string.Empty;
        return $"fitted on validation, its outputs at exit{plural} {string.Join(", ", exits.Select(e => e.Exit + 1))} are the uncalibrated softmax "
            + $"(largest change of a probability {exits.Max(e => e.Change).ToString("G3", CultureInfo.InvariantCulture)} ≤ {Tolerance.ToString(CultureInfo.InvariantCulture)}) "
            + $"although its validation ECE there is {string.Join(", ", exits.Select(e => F(e.Ece)))} (≥ {F(EceThreshold)}); a warning: its methods are ranked as computed";
    }
}
