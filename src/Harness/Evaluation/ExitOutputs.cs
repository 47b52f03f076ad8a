using System.Runtime.CompilerServices;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// Everything one exit's outputs contribute, read in a single pass over its rows: predictions (argmax, lowest index on
/// ties), confidence (max probability, in double precision), correctness, and the <see cref="ProbabilityTotals"/> that
/// Brier, NLL and classwise ECE are read from.
/// </summary>
public sealed class ExitOutputs
{
    private ExitOutputs(int[] predictions, double[] confidence, bool[] correct, ProbabilityTotals totals)
    {
        Predictions = predictions;
        Confidence = confidence;
        Correct = correct;
        Totals = totals;
    }

    /// <summary>Predicted class per sample.</summary>
    public int[] Predictions { get; }

    /// <summary>max_c p_c per sample.</summary>
    public double[] Confidence { get; }

    /// <summary>Whether each prediction equals the label.</summary>
    public bool[] Correct { get; }

    /// <summary>
    /// The rows' sums, taken in the same pass (fused: Σ p² − 2·p_y + 1 for Brier, most first-bin sums by subtraction);
    /// equal to <see cref="ProbabilityTotals.Create"/> up to rounding (tested).
    /// </summary>
    public ProbabilityTotals Totals { get; }

    /// <summary>Reads a matrix of probabilities once (a calibrator that gives no logits, e.g. histogram binning).</summary>
    /// <param name="probabilities">Probabilities, n × C, n ≥ 1.</param>
    /// <param name="labels">Labels in [0, C).</param>
    /// <param name="bins">Number of equal-width bins for classwise ECE.</param>
    /// <returns>The per-sample outputs and matrix-level metrics.</returns>
    public static ExitOutputs Compute(ClassMatrix probabilities, ReadOnlySpan<int> labels, int bins)
        => Pass(probabilities, labels, bins, fromLogits: false);

    /// <summary>
    /// Reads a matrix of calibrated logits once: p = softmax(z) by log-sum-exp (see docs/contributors/metrics.md, "Precision"), so
    /// confidences near 1 stay apart and log p_label is exact even where p_label underflows.
    /// </summary>
    /// <param name="logits">Calibrated logits, n × C, finite, n ≥ 1.</param>
    /// <param name="labels">Labels in [0, C).</param>
    /// <param name="bins">Number of equal-width bins for classwise ECE.</param>
    /// <returns>The per-sample outputs and matrix-level metrics.</returns>
    public static ExitOutputs FromLogits(ClassMatrix logits, ReadOnlySpan<int> labels, int bins)
        => Pass(logits, labels, bins, fromLogits: true);

    /// <summary>Every exit's outputs, the exits in parallel (each by one thread, so the result does not depend on it).</summary>
    /// <param name="matrices">[K] calibrated logits when <paramref name="fromLogits"/>, else probabilities.</param>
    /// <param name="fromLogits">Whether the matrices are logits.</param>
    /// <param name="labels">Labels in [0, C).</param>
    /// <param name="bins">Number of equal-width bins for classwise ECE.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; −1 for all cores.</param>
    /// <returns>One <see cref="ExitOutputs"/> per exit.</returns>
    public static ExitOutputs[] ForExits(IReadOnlyList<ClassMatrix> matrices, bool fromLogits, int[] labels, int bins, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(matrices);
        var outputs = new ExitOutputs[matrices.Count];
        Parallel.For(0, matrices.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, k =>
            outputs[k] = Pass(matrices[k], labels, bins, fromLogits));
        return outputs;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ExitOutputs Pass(ClassMatrix matrix, ReadOnlySpan<int> labels, int bins, bool fromLogits)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        var n = matrix.Rows;
        var classes = matrix.Columns;
        if (labels.Length != n)
        {
            throw new ArgumentException($"Expected {n} labels, got {labels.Length}.", nameof(labels));
        }

        if (n == 0)
        {
            throw new ArgumentException("At least one sample is required.", nameof(matrix));
        }

        var predictions = new int[n];
        var confidence = new double[n];
        var correct = new bool[n];
        var accumulator = new ExitAccumulator(classes, bins);
        var exponentials = new float[classes];
        for (var i = 0; i < n; i++)
        {
            var row = matrix.Row(i);
            var label = labels[i];
            if ((uint)label >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), $"Label {label} of sample {i} is outside [0, {classes}).");
            }

            int argMax;
            double scale, logLabel;
            ReadOnlySpan<float> weights;
            if (fromLogits)
            {
                var sum = Probabilities.ShiftedExponentials(row, exponentials, out argMax);
                scale = 1.0 / sum;
                logLabel = ((double)row[label] - row[argMax]) - Math.Log(sum);
                weights = exponentials;
            }
            else
            {
                argMax = Probabilities.ArgMax(row);
                scale = 1.0;
                logLabel = Math.Log(row[label]);
                weights = row;
            }

            accumulator.Add(weights, scale, label, logLabel);
            predictions[i] = argMax;
            confidence[i] = weights[argMax] * scale;
            correct[i] = argMax == label;
        }

        return new ExitOutputs(predictions, confidence, correct, accumulator.Totals(n));
    }
}
