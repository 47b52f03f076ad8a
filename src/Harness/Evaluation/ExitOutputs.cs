using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// Everything one exit's probability matrix contributes, read in a single pass over its rows: predictions
/// (argmax, lowest index on ties), confidence (max probability), correctness, Brier, NLL and classwise ECE.
/// </summary>
public sealed class ExitOutputs
{
    private ExitOutputs(int[] predictions, double[] confidence, bool[] correct, double brier, double nll, double classwiseEce)
    {
        Predictions = predictions;
        Confidence = confidence;
        Correct = correct;
        Brier = brier;
        Nll = nll;
        ClasswiseEce = classwiseEce;
    }

    /// <summary>Predicted class per sample.</summary>
    public int[] Predictions { get; }

    /// <summary>max_c p_c per sample.</summary>
    public double[] Confidence { get; }

    /// <summary>Whether each prediction equals the label.</summary>
    public bool[] Correct { get; }

    /// <summary>See <see cref="CalibrationMetrics.Brier"/>.</summary>
    public double Brier { get; }

    /// <summary>See <see cref="CalibrationMetrics.Nll"/>.</summary>
    public double Nll { get; }

    /// <summary>See <see cref="CalibrationMetrics.ClasswiseEce"/>.</summary>
    public double ClasswiseEce { get; }

    /// <summary>Reads <paramref name="probabilities"/> once.</summary>
    /// <param name="probabilities">Probabilities, n × C, n ≥ 1.</param>
    /// <param name="labels">Labels in [0, C).</param>
    /// <param name="bins">Number of equal-width bins for classwise ECE.</param>
    /// <returns>The per-sample outputs and matrix-level metrics.</returns>
    public static ExitOutputs Compute(ClassMatrix probabilities, ReadOnlySpan<int> labels, int bins)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        var n = probabilities.Rows;
        var classes = probabilities.Columns;
        if (labels.Length != n)
        {
            throw new ArgumentException($"Expected {n} labels, got {labels.Length}.", nameof(labels));
        }

        if (n == 0)
        {
            throw new ArgumentException("At least one sample is required.", nameof(probabilities));
        }

        var predictions = new int[n];
        var confidence = new double[n];
        var correct = new bool[n];

        // Classwise ECE needs only per (class, bin) sums: (|B|/n)·|acc − conf| = |Σ 1[y=c] − Σ p_c| / n.
        var probabilitySums = new double[classes * bins];
        var labelCounts = new long[classes * bins];
        double brierSum = 0, nllSum = 0;
        var values = probabilities.Values;
        for (var i = 0; i < n; i++)
        {
            var row = values.Slice(i * classes, classes);
            var label = labels[i];
            if ((uint)label >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), $"Label {label} of sample {i} is outside [0, {classes}).");
            }

            var best = row[0];
            var argmax = 0;
            double squares = 0;
            for (var c = 0; c < row.Length; c++)
            {
                var p = row[c];
                if (p > best)
                {
                    best = p;
                    argmax = c;
                }

                squares += (double)p * p;
                probabilitySums[(c * bins) + CalibrationMetrics.BinIndex(p, bins)] += p;
            }

            var pLabel = (double)row[label];
            labelCounts[(label * bins) + CalibrationMetrics.BinIndex(row[label], bins)]++;
            predictions[i] = argmax;
            confidence[i] = best;
            correct[i] = argmax == label;

            // Σ_c (p_c − 1[c=y])² = Σ_c p_c² − 2·p_y + 1.
            brierSum += squares - (2 * pLabel) + 1;
            nllSum -= Math.Log(Math.Max(pLabel, CalibrationMetrics.NllFloor));
        }

        double classwise = 0;
        for (var c = 0; c < classes; c++)
        {
            double gaps = 0;
            for (var m = 0; m < bins; m++)
            {
                gaps += Math.Abs(labelCounts[(c * bins) + m] - probabilitySums[(c * bins) + m]);
            }

            classwise += gaps / n;
        }

        return new ExitOutputs(predictions, confidence, correct, brierSum / n, nllSum / n, classwise / classes);
    }
}
