using System.Runtime.CompilerServices;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>Rank correlations with proper tie handling. Values must not be NaN.</summary>
public static class RankCorrelation
{
    /// <summary>
    /// Kendall τ_b = (n_c − n_d) / √((n_0 − n_1)(n_0 − n_2)) by Knight's O(n log n) algorithm, in exact integer counts.
    /// </summary>
    /// <param name="x">First values.</param>
    /// <param name="y">Second values, same length.</param>
    /// <returns>τ_b, or null when fewer than 2 samples or either side is constant.</returns>
    public static double? KendallTauB(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("Both sides must have the same length.", nameof(y));
        }

        return x.Length < 2 ? null : KendallTauB(x, ScoreOrder.Create(y));
    }

    /// <summary>Kendall τ_b reusing an existing sort of <c>y</c> (the evaluator has already sorted the scores).</summary>
    internal static double? KendallTauB(ReadOnlySpan<double> x, ScoreOrder yOrder) =>
        x.Length < 2 || yOrder.Order.Length != x.Length ? KendallTauB(x.Length, yOrder, null) : KendallTauB(x.Length, yOrder, ScoreOrder.Create(x));

    /// <summary>Spearman ρ and Kendall τ_b of one sample, sorting each side once for both (the bootstrap of <see cref="ProxyCorrelation"/>).</summary>
    internal static (double? Spearman, double? Kendall) Both(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("Both sides must have the same length.", nameof(y));
        }

        if (x.Length < 2)
        {
            return (null, null);
        }

        var xOrder = ScoreOrder.Create(x);
        var yOrder = ScoreOrder.Create(y);
        return (Pearson(AverageRanks(xOrder), AverageRanks(yOrder)), KendallTauB(x.Length, yOrder, xOrder));
    }

    /// <summary>
    /// The dense ranks of <paramref name="values"/>: 0 for the smallest distinct value, 1 for the next, … (equal values,
    /// by <c>==</c>, share one), and how many distinct values there are. A bootstrap resample of the values is ranked from
    /// these by counting (<see cref="BothDense"/>), without sorting doubles again.
    /// </summary>
    internal static (int[] Ranks, int Distinct) DenseRanks(ReadOnlySpan<double> values)
    {
        var order = ScoreOrder.Create(values);
        var ranks = new int[values.Length];
        var rank = -1;
        for (var j = 0; j < order.Order.Length; j++)
        {
            if (j == 0 || order.Sorted[j] != order.Sorted[j - 1])
            {
                rank++;
            }

            ranks[order.Order[j]] = rank;
        }

        return (ranks, rank + 1);
    }

    /// <summary>
    /// <see cref="Both"/> of a sample given as dense ranks (<see cref="DenseRanks"/> of the values it was drawn from):
    /// the same numbers, bit for bit, as <see cref="Both"/> on the values themselves, since both statistics depend only on
    /// the order and the ties. Ranks by counting sort: O(n + distinct) for ρ and the tie counts, O(n log n) integer work
    /// for the discordant pairs.
    /// </summary>
    /// <param name="rx">Dense rank of each sample's x, in [0, <paramref name="kx"/>).</param>
    /// <param name="kx">Distinct x values of the source.</param>
    /// <param name="ry">Dense rank of each sample's y, in [0, <paramref name="ky"/>).</param>
    /// <param name="ky">Distinct y values of the source.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (double? Spearman, double? Kendall) BothDense(int[] rx, int kx, int[] ry, int ky)
    {
        var n = rx.Length;
        if (ry.Length != n)
        {
            throw new ArgumentException("Both sides must have the same length.", nameof(ry));
        }

        if (n < 2)
        {
            return (null, null);
        }

        // Counts per distinct value; each value's average rank is (first + last position)/2 + 1, as AverageRanks gives.
        var cx = new int[kx];
        var cy = new int[ky];
        for (var i = 0; i < n; i++)
        {
            cx[rx[i]]++;
            cy[ry[i]]++;
        }

        var averageX = AverageOfCounts(cx, kx, out var n1);
        var averageY = AverageOfCounts(cy, ky, out var n2);
        var ranksX = new double[n];
        var ranksY = new double[n];
        for (var i = 0; i < n; i++)
        {
            ranksX[i] = averageX[rx[i]];
            ranksY[i] = averageY[ry[i]];
        }

        var spearman = Pearson(ranksX, ranksY);

        // y's ranks in x order (counting sort by x; cx turned into each x value's first position), each run of tied x sorted by y.
        var start = new int[kx + 1];
        for (var v = 0; v < kx; v++)
        {
            start[v + 1] = start[v] + cx[v];
        }

        var next = (int[])start.Clone();
        var sequence = new int[n];
        for (var i = 0; i < n; i++)
        {
            sequence[next[rx[i]]++] = ry[i];
        }

        long n3 = 0;
        for (var v = 0; v < kx; v++)
        {
            n3 += SortRunAndCountTies(sequence, start[v], cx[v]);
        }

        return (spearman, TauB(n, n1, n2, n3, sequence));
    }

    private static double[] AverageOfCounts(int[] counts, int distinct, out long tiedPairs)
    {
        var average = new double[distinct];
        tiedPairs = 0;
        var position = 0;
        for (var v = 0; v < distinct; v++)
        {
            if (counts[v] > 0)
            {
                average[v] = ((position + (position + counts[v] - 1)) / 2.0) + 1;
                tiedPairs += Pairs(counts[v]);
                position += counts[v];
            }
        }

        return average;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double? KendallTauB(int n, ScoreOrder yOrder, ScoreOrder? sortedX)
    {
        if (yOrder.Order.Length != n)
        {
            throw new ArgumentException("Both sides must have the same length.", nameof(yOrder));
        }

        if (n < 2)
        {
            return null;
        }

        // Dense ranks of y; n2 = pairs tied in y.
        var ry = new int[n];
        long n2 = 0;
        var rank = 0;
        var run = 1;
        for (var j = 0; j < n; j++)
        {
            if (j > 0)
            {
                if (yOrder.Sorted[j] != yOrder.Sorted[j - 1])
                {
                    rank++;
                    n2 += Pairs(run);
                    run = 1;
                }
                else
                {
                    run++;
                }
            }

            ry[yOrder.Order[j]] = rank;
        }

        n2 += Pairs(run);

        // The y ranks in (x, y) order: sort by x, then each run of tied x by y. n1 = pairs tied in x, n3 = tied in both.
        var xOrder = sortedX!;
        var sequence = new int[n];
        long n1 = 0, n3 = 0;
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && xOrder.Sorted[end] == xOrder.Sorted[start])
            {
                end++;
            }

            for (var j = start; j < end; j++)
            {
                sequence[j] = ry[xOrder.Order[j]];
            }

            n1 += Pairs(end - start);
            n3 += SortRunAndCountTies(sequence, start, end - start);
            start = end;
        }

        return TauB(n, n1, n2, n3, sequence);
    }

    /// <summary>Sorts one run of tied x in <paramref name="sequence"/> by y and returns its pairs tied in y too.</summary>
    private static long SortRunAndCountTies(int[] sequence, int start, int length)
    {
        if (length < 2)
        {
            return 0;
        }

        Array.Sort(sequence, start, length);
        long tied = 0;
        var both = 1;
        for (var j = start + 1; j < start + length; j++)
        {
            if (sequence[j] == sequence[j - 1])
            {
                both++;
            }
            else
            {
                tied += Pairs(both);
                both = 1;
            }
        }

        return tied + Pairs(both);
    }

    /// <summary>
    /// τ_b from the pair counts (n1 tied in x, n2 tied in y, n3 tied in both) and y's ranks in (x, y) order, which it
    /// sorts; null when either side is constant.
    /// </summary>
    private static double? TauB(int n, long n1, long n2, long n3, int[] sequence)
    {
        var n0 = Pairs(n);
        if (n0 == n1 || n0 == n2)
        {
            return null;
        }

        // Pairs ordered by x whose y is strictly inverted are exactly the discordant pairs (Knight 1966).
        var swaps = CountInversions(sequence);

        // One square root of the product, so equal tie counts give exactly ±1 (exact while the product fits 2^53).
        var numerator = n0 - n1 - n2 + n3 - (2 * swaps);
        return Math.Clamp(numerator / Math.Sqrt((double)(n0 - n1) * (n0 - n2)), -1, 1);
    }

    /// <summary>Spearman ρ: the Pearson correlation of average ranks (ties share the mean of their positions).</summary>
    /// <param name="x">First values.</param>
    /// <param name="y">Second values, same length.</param>
    /// <returns>ρ, or null when fewer than 2 samples or either side is constant.</returns>
    public static double? Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("Both sides must have the same length.", nameof(y));
        }

        if (x.Length < 2)
        {
            return null;
        }

        return Pearson(AverageRanks(x), AverageRanks(y));
    }

    /// <summary>The Pearson correlation of two rank vectors of one length, each with mean (n+1)/2; null when either is constant.</summary>
    private static double? Pearson(double[] rx, double[] ry)
    {
        // Both rank vectors have mean (n+1)/2 exactly.
        var mean = (rx.Length + 1) / 2.0;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < rx.Length; i++)
        {
            var dx = rx[i] - mean;
            var dy = ry[i] - mean;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        if (sxx == 0 || syy == 0)
        {
            return null;
        }

        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    /// <summary>1-based ranks, ties given the mean of the positions they occupy.</summary>
    /// <param name="values">Values, not NaN.</param>
    /// <returns>Rank per value.</returns>
    public static double[] AverageRanks(ReadOnlySpan<double> values) => AverageRanks(ScoreOrder.Create(values));

    private static double[] AverageRanks(ScoreOrder order)
    {
        var count = order.Order.Length;
        var ranks = new double[count];
        var j = 0;
        while (j < count)
        {
            var end = j;
            while (end + 1 < count && order.Sorted[end + 1] == order.Sorted[j])
            {
                end++;
            }

            // Positions j..end (0-based) have mean rank (j + end)/2 + 1.
            var rank = ((j + end) / 2.0) + 1;
            for (var t = j; t <= end; t++)
            {
                ranks[order.Order[t]] = rank;
            }

            j = end + 1;
        }

        return ranks;
    }

    private static long Pairs(long count) => count * (count - 1) / 2;

    /// <summary>Sorts <paramref name="values"/> ascending (bottom-up merge sort) and returns the pairs i &lt; j with v_i &gt; v_j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long CountInversions(int[] values)
    {
        var n = values.Length;
        var source = values;
        var target = new int[n];
        long inversions = 0;
        for (var width = 1; width < n; width *= 2)
        {
            for (var lo = 0; lo < n; lo += 2 * width)
            {
                var mid = Math.Min(lo + width, n);
                var hi = Math.Min(lo + (2 * width), n);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi)
                {
                    if (source[j] < source[i])
                    {
                        inversions += mid - i;
                        target[k++] = source[j++];
                    }
                    else
                    {
                        target[k++] = source[i++];
                    }
                }

                while (i < mid)
                {
                    target[k++] = source[i++];
                }

                while (j < hi)
                {
                    target[k++] = source[j++];
                }
            }

            (source, target) = (target, source);
        }

        if (!ReferenceEquals(source, values))
        {
            Array.Copy(source, values, n);
        }

        return inversions;
    }
}
