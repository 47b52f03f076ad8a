using System.Runtime.CompilerServices;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// The global-threshold exit policy swept over every threshold at once: a sample stops at the first exit k with
/// s_k ≥ τ, and the last exit always accepts. Computed by sorting, not by re-running the policy per threshold.
/// </summary>
public static class ExitSweep
{
    /// <summary>
    /// All operating points of the global-threshold policy, by decreasing threshold. The first point has τ = +∞ (every
    /// sample at the last exit); then one point per distinct score value at which some sample's exit changes, i.e. a
    /// value of a strict running maximum of its scores over exits 1..K−1. Any other threshold τ gives the same point as the
    /// listed threshold just above it (see <see cref="PointAt"/>), so listing it would only repeat a point.
    /// </summary>
    /// <param name="scores">[K][n] confidence scores; not NaN and not +∞.</param>
    /// <param name="correct">[K][n] correctness per exit.</param>
    /// <param name="exitCosts">[K] cumulative cost of each exit; strictly positive and nondecreasing.</param>
    /// <returns>Operating points, thresholds strictly decreasing.</returns>
    public static IReadOnlyList<OperatingPoint> Sweep(IReadOnlyList<double[]> scores, IReadOnlyList<bool[]> correct, double[] exitCosts)
    {
        var n = Validate(scores, correct, exitCosts);
        var (taus, codes) = SortEvents(scores, n);
        return Walk(taus, codes, correct, exitCosts, n);
    }

    /// <summary>The sweep's events sorted by τ ascending: they depend on the scores only, so this can run before correctness is known.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (double[] Taus, int[] Codes) SortEvents(IReadOnlyList<double[]> scores, int n)
    {
        var last = scores.Count - 1;

        // As τ falls, a sample moves to exit k exactly when τ reaches a new strict running maximum s_k (k < K).
        var eventCapacity = (long)n * last;
        if (eventCapacity > Array.MaxLength)
        {
            throw new ArgumentException("Too many samples × exits for one sweep.", nameof(scores));
        }

        var taus = new double[eventCapacity];
        var codes = new int[eventCapacity];
        var eventCount = 0;
        var byExit = scores.ToArray();
        for (var i = 0; i < n; i++)
        {
            var runningMax = double.NegativeInfinity;
            for (var k = 0; k < last; k++)
            {
                var s = byExit[k][i];
                if (k == 0 || s > runningMax)
                {
                    runningMax = s;
                    taus[eventCount] = s;
                    codes[eventCount] = (i * last) + k;
                    eventCount++;
                }
            }
        }

        if (eventCount < taus.Length)
        {
            Array.Resize(ref taus, eventCount);
            Array.Resize(ref codes, eventCount);
        }

        RadixSort.Sort(taus, codes);
        return (taus, codes);
    }

    /// <summary>The operating point of threshold <paramref name="threshold"/> within a <see cref="Sweep"/> result.</summary>
    /// <param name="points">A sweep result (thresholds strictly decreasing, first +∞).</param>
    /// <param name="threshold">Any threshold.</param>
    /// <returns>The listed point with the smallest threshold ≥ <paramref name="threshold"/>.</returns>
    public static OperatingPoint PointAt(IReadOnlyList<OperatingPoint> points, double threshold)
    {
        ArgumentNullException.ThrowIfNull(points);
        int lo = 0, hi = points.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (points[mid].Threshold >= threshold)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return points[lo];
    }

    /// <summary>Applies the sorted events from the highest τ down, one operating point per distinct τ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static OperatingPoint[] Walk(double[] taus, int[] codes, IReadOnlyList<bool[]> correctByExit, double[] exitCosts, int n)
    {
        var correct = correctByExit.ToArray();
        var exits = exitCosts.Length;
        var last = exits - 1;
        var exitOf = new int[n];
        Array.Fill(exitOf, last);
        var counts = new long[exits];
        counts[last] = n;
        long hits = 0;
        foreach (var c in correct[last])
        {
            hits += c ? 1 : 0;
        }

        var distinct = taus.Length == 0 ? 0 : 1;
        for (var e = 1; e < taus.Length; e++)
        {
            distinct += taus[e] != taus[e - 1] ? 1 : 0;
        }

        var points = new OperatingPoint[distinct + 1];
        points[0] = MakePoint(double.PositiveInfinity, hits, counts, n, exitCosts);
        var count = 1;
        var at = taus.Length - 1;
        while (at >= 0)
        {
            // Events at the same τ are applied together; a sample has at most one event per τ.
            var tau = taus[at];
            while (at >= 0 && taus[at] == tau)
            {
                var sample = codes[at] / last;
                var exit = codes[at] % last;
                var from = exitOf[sample];
                counts[from]--;
                counts[exit]++;
                hits += (correct[exit][sample] ? 1 : 0) - (correct[from][sample] ? 1 : 0);
                exitOf[sample] = exit;
                at--;
            }

            points[count++] = MakePoint(tau, hits, counts, n, exitCosts);
        }

        return points;
    }

    /// <summary>Mean cost Σ_k cost_k·(n_k/n), clamped to [cost(1), cost(K)] to absorb rounding.</summary>
    /// <param name="counts">[K] samples stopping at each exit, summing to n.</param>
    /// <param name="sampleCount">n.</param>
    /// <param name="exitCosts">[K] cumulative exit costs.</param>
    /// <returns>The mean cost per sample.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double MeanCost(ReadOnlySpan<long> counts, int sampleCount, double[] exitCosts)
    {
        ArgumentNullException.ThrowIfNull(exitCosts);
        double sum = 0;
        for (var k = 0; k < exitCosts.Length; k++)
        {
            if (counts[k] != 0)
            {
                sum += exitCosts[k] * ((double)counts[k] / sampleCount);
            }
        }

        return Math.Clamp(sum, exitCosts[0], exitCosts[^1]);
    }

    internal static int Validate(IReadOnlyList<double[]> scores, IReadOnlyList<bool[]> correct, double[] exitCosts)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(correct);
        ArgumentNullException.ThrowIfNull(exitCosts);
        var exits = exitCosts.Length;
        if (exits == 0)
        {
            throw new ArgumentException("At least one exit is required.", nameof(exitCosts));
        }

        if (scores.Count != exits || correct.Count != exits)
        {
            throw new ArgumentException($"Expected {exits} exits of scores and correctness, got {scores.Count} and {correct.Count}.", nameof(scores));
        }

        ValidateCosts(exitCosts);
        var n = correct[0].Length;
        if (n == 0)
        {
            throw new ArgumentException("At least one sample is required.", nameof(correct));
        }

        for (var k = 0; k < exits; k++)
        {
            if (correct[k].Length != n)
            {
                throw new ArgumentException($"Exit {k} has {correct[k].Length} correctness values; expected {n}.", nameof(correct));
            }
        }

        ValidateScores(scores, n);
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ValidateScores(IReadOnlyList<double[]> scores, int n)
    {
        for (var k = 0; k < scores.Count; k++)
        {
            if (scores[k].Length != n)
            {
                throw new ArgumentException($"Exit {k} has {scores[k].Length} scores; expected {n}.", nameof(scores));
            }

            foreach (var s in scores[k])
            {
                if (double.IsNaN(s) || double.IsPositiveInfinity(s))
                {
                    throw new ArgumentException($"Exit {k} has a score of {s}; scores must not be NaN or +∞.", nameof(scores));
                }
            }
        }
    }

    internal static void ValidateCosts(double[] exitCosts)
    {
        for (var k = 0; k < exitCosts.Length; k++)
        {
            if (!(exitCosts[k] > 0) || double.IsInfinity(exitCosts[k]) || (k > 0 && exitCosts[k] < exitCosts[k - 1]))
            {
                throw new ArgumentException("Exit costs must be finite, strictly positive and nondecreasing.", nameof(exitCosts));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static OperatingPoint MakePoint(double threshold, long hits, long[] counts, int n, double[] exitCosts)
    {
        var meanCost = MeanCost(counts, n, exitCosts);
        return new OperatingPoint(threshold, (double)hits / n, meanCost, meanCost / exitCosts[^1]);
    }
}
