namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// The per-exit rule of <see cref="Deployable"/> as a global one: each exit's score replaced by how many of that exit's
/// validation scores are ≤ it. A global threshold c on these ranks stops a sample at exit k when s_k ≥ the c-th smallest
/// validation score of exit k: the same quantile c/m of every exit's own validation scores.
/// </summary>
internal sealed class QuantileRanks
{
    private readonly double[][] _sorted;

    private QuantileRanks(double[][] sorted) => _sorted = sorted;

    /// <summary>Sorts each exit's validation scores (the last exit's are never compared: it accepts every sample).</summary>
    /// <param name="validationScores">[K][m] validation scores.</param>
    public static QuantileRanks Fit(IReadOnlyList<double[]> validationScores)
    {
        ArgumentNullException.ThrowIfNull(validationScores);
        var sorted = new double[validationScores.Count][];
        for (var k = 0; k < sorted.Length; k++)
        {
            sorted[k] = k == sorted.Length - 1 ? [] : [.. validationScores[k]];
            Array.Sort(sorted[k]);
        }

        return new QuantileRanks(sorted);
    }

    /// <summary>[K][n] ranks of <paramref name="scores"/> among the validation scores of their exit; 0 at the last exit.</summary>
    /// <param name="scores">[K][n] scores of either split.</param>
    public IReadOnlyList<double[]> Apply(IReadOnlyList<double[]> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores.Select((exit, k) => exit.Select(s => (double)AtMost(_sorted[k], s)).ToArray()).ToList();
    }

    /// <summary>The score threshold of each exit but the last for rank threshold <paramref name="rank"/> (+∞ for +∞).</summary>
    /// <param name="rank">A threshold on the ranks: +∞ or a rank of a validation score (1..m).</param>
    public IReadOnlyList<double> Thresholds(double rank) =>
        [.. _sorted[..^1].Select(sorted => double.IsPositiveInfinity(rank) ? double.PositiveInfinity : sorted[(int)rank - 1])];

    /// <summary>How many of <paramref name="sorted"/> are ≤ <paramref name="value"/>.</summary>
    internal static int AtMost(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
