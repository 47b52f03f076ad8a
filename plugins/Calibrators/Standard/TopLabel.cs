using EarlyExitBench.Contracts;

namespace EarlyExitBench.Calibrators.Standard;

/// <summary>
/// Shared by the top-label calibrators (histogram, isotonic, platt): they recalibrate only the
/// predicted class's probability q and spread 1 − q over the other classes.
/// </summary>
internal static class TopLabel
{
    /// <summary>Relative gap kept between the top class and the runner-up so float rounding cannot tie them.</summary>
    private const double Gap = 1e-6;

    /// <summary>Describes one row and writes its softmax.</summary>
    public static TopLabelRow Describe(ReadOnlySpan<float> logits, Span<double> probabilities)
    {
        var top = 0;
        for (var c = 1; c < logits.Length; c++)
        {
            if (logits[c] > logits[top])
            {
                top = c;
            }
        }

        double max = logits[top];
        var others = 0.0; // Σ_{c≠top} exp(z_c − max)
        for (var c = 0; c < logits.Length; c++)
        {
            probabilities[c] = Math.Exp(logits[c] - max);
            if (c != top)
            {
                others += probabilities[c];
            }
        }

        var sum = 1.0 + others;
        for (var c = 0; c < logits.Length; c++)
        {
            probabilities[c] /= sum;
        }

        return new TopLabelRow(top, probabilities[top], LogOdds(logits, top), max);
    }

    /// <summary>
    /// z_top − log Σ_{c≠top} exp(z_c), summed relative to the runner-up so it stays finite (and exact)
    /// when the other classes' softmax underflows; +∞ only with a single class.
    /// </summary>
    private static double LogOdds(ReadOnlySpan<float> logits, int top)
    {
        var runnerUp = double.NegativeInfinity;
        for (var c = 0; c < logits.Length; c++)
        {
            if (c != top)
            {
                runnerUp = Math.Max(runnerUp, logits[c]);
            }
        }

        if (double.IsNegativeInfinity(runnerUp))
        {
            return double.PositiveInfinity;
        }

        var sum = 0.0;
        for (var c = 0; c < logits.Length; c++)
        {
            if (c != top)
            {
                sum += Math.Exp(logits[c] - runnerUp);
            }
        }

        return logits[top] - (runnerUp + Math.Log(sum));
    }

    /// <summary>Describes every row and says whether its prediction equals the label.</summary>
    public static (TopLabelRow[] Rows, bool[] Correct) Describe(ClassMatrix logits, ReadOnlySpan<int> labels)
    {
        var rows = new TopLabelRow[logits.Rows];
        var correct = new bool[logits.Rows];
        var probabilities = new double[logits.Columns];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = Describe(logits.Row(i), probabilities);
            correct[i] = rows[i].Top == labels[i];
        }

        return (rows, correct);
    }

    /// <summary>Smallest top-class probability that can still be the strict maximum.</summary>
    public static double Floor(int classes) => classes <= 1 ? 1.0 : (1.0 + 1e-3) / classes;

    /// <summary>Maps each row's top-class probability with <paramref name="calibrate"/> and spreads the rest.</summary>
    public static ClassMatrix Apply(ClassMatrix logits, Func<TopLabelRow, double> calibrate)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var classes = logits.Columns;
        var result = new float[logits.Rows * classes];
        var probabilities = new double[classes];
        for (var i = 0; i < logits.Rows; i++)
        {
            var row = Describe(logits.Row(i), probabilities);
            Spread(probabilities, row.Top, calibrate(row), result.AsSpan(i * classes, classes));
        }

        return new ClassMatrix(result, logits.Rows, classes);
    }

    /// <summary>
    /// Writes a probability row whose top class gets q (clamped to [<see cref="Floor"/>, 1]) and whose
    /// other classes share 1 − q in proportion to their softmax probabilities. When that would lift a
    /// runner-up above q, the share is mixed with a uniform one just enough to keep the top class the
    /// strict maximum, so the argmax never changes. q depends only on the sample's top-label features,
    /// so two samples' order by confidence follows the calibration map alone.
    /// </summary>
    public static void Spread(ReadOnlySpan<double> probabilities, int top, double q, Span<float> destination)
    {
        var classes = probabilities.Length;
        if (classes == 1)
        {
            destination[0] = 1f;
            return;
        }

        q = double.IsNaN(q) ? Floor(classes) : Math.Clamp(q, Floor(classes), 1.0);
        var (rest, runnerUp) = (0.0, 0.0); // rest summed, not 1 − p_top, which cancels when p_top ≈ 1
        for (var c = 0; c < classes; c++)
        {
            if (c != top)
            {
                rest += probabilities[c];
                runnerUp = Math.Max(runnerUp, probabilities[c]);
            }
        }

        var uniform = 1.0 / (classes - 1);
        var proportional = rest > 0 ? runnerUp / rest : uniform; // runner-up's share under proportional spreading
        var lambda = 0.0;
        if (rest > 0)
        {
            var cap = q >= 1 ? double.PositiveInfinity : q * (1 - Gap) / (1 - q); // largest share that stays below q
            lambda = proportional <= cap ? 1.0 : Math.Clamp((cap - uniform) / (proportional - uniform), 0.0, 1.0);
        }

        for (var c = 0; c < classes; c++)
        {
            if (c == top)
            {
                destination[c] = (float)q;
                continue;
            }

            var share = (lambda > 0 ? lambda * (probabilities[c] / rest) : 0.0) + ((1 - lambda) * uniform); // ratio first: p_c may be subnormal
            destination[c] = (float)((1 - q) * share);
        }
    }
}
