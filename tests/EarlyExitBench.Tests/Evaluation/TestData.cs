using EarlyExitBench.Contracts;

namespace EarlyExitBench.Tests.Evaluation;

/// <summary>Small builders shared by the evaluation tests.</summary>
internal static class TestData
{
    public static ClassMatrix Matrix(float[][] rows) => new([.. rows.SelectMany(r => r)], rows.Length, rows[0].Length);

    /// <summary>A random permutation of 0..n−1.</summary>
    public static int[] Permutation(int n, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }

    public static T[] Permute<T>(T[] values, int[] order) => [.. order.Select(i => values[i])];

    public static ClassMatrix Permute(ClassMatrix matrix, int[] order)
    {
        var values = new float[matrix.Values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            matrix.Row(order[i]).CopyTo(values.AsSpan(i * matrix.Columns, matrix.Columns));
        }

        return new ClassMatrix(values, matrix.Rows, matrix.Columns);
    }

    /// <summary>Random probability rows (softmax of scaled Gaussian-ish logits), rounded to float like real outputs.</summary>
    public static ClassMatrix RandomProbabilities(Random random, int rows, int classes, double sharpness)
    {
        var logits = new float[rows * classes];
        for (var i = 0; i < logits.Length; i++)
        {
            // Coarse logits make exact ties in argmax and confidence likely.
            logits[i] = (float)(Math.Round(random.NextDouble() * 4) * sharpness);
        }

        return Probabilities.Softmax(new ClassMatrix(logits, rows, classes));
    }

    /// <summary>
    /// Classwise ECE summed sample by sample: (1/C) Σ_c Σ_m |#{i ∈ B_cm : y_i = c} − Σ_{i∈B_cm} p_ic| / n, with bin
    /// ⌈p·M⌉ − 1 (0 for p = 0). Only for probabilities away from the edges m/M, where that is the bin whatever the rounding.
    /// </summary>
    public static double NaiveClasswiseEce(IReadOnlyList<double[]> probabilities, int[] labels, int bins)
    {
        var classes = probabilities[0].Length;
        var counts = new double[classes, bins];
        var sums = new double[classes, bins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            for (var c = 0; c < classes; c++)
            {
                var p = probabilities[i][c];
                var bin = Math.Max(0, (int)Math.Ceiling(p * bins) - 1);
                sums[c, bin] += p;
                counts[c, bin] += labels[i] == c ? 1 : 0;
            }
        }

        double total = 0;
        for (var c = 0; c < classes; c++)
        {
            for (var m = 0; m < bins; m++)
            {
                total += Math.Abs(counts[c, m] - sums[c, m]) / probabilities.Count;
            }
        }

        return total / classes;
    }

    public static void Close(double expected, double actual, double tolerance = 1e-12)
        => Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    public static void Close(double? expected, double? actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e && actual is { } a)
        {
            Close(e, a, tolerance);
        }
    }
}
