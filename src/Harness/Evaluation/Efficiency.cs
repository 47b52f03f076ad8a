using System.Runtime.CompilerServices;
using System.Globalization;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// Efficiency of an accuracy-versus-cost curve (docs/contributors/metrics.md, "Efficiency"). A(x) is the best accuracy of any
/// operating point with relative cost ≤ x, a right-continuous step function; below the cheapest point no threshold is
/// feasible and A(x) = 0.
/// </summary>
public static class Efficiency
{
    /// <summary>The budgets reported by <see cref="EfficiencyResult.AccuracyAtBudget"/>.</summary>
    public static IReadOnlyList<double> Budgets { get; } = [0.25, 0.5, 0.75, 1.0];

    /// <summary>
    /// Most Pareto-front vertices kept per method and seed for plotting (see <see cref="Thin"/>); the score and every
    /// other number are computed from the whole front. Keeps a leaderboard entry within 64 KB at any sample count.
    /// </summary>
    public const int MaxFrontPoints = 64;

    /// <summary>The accuracy tolerances δ, in percentage points, of <see cref="EfficiencyResult.CostSavedAtMatchedAccuracy"/>.</summary>
    public static IReadOnlyList<double> AccuracyTolerances { get; } = [0, 0.5, 1];

    /// <summary>Everything in <see cref="EfficiencyResult"/> from a sweep and the per-exit correctness.</summary>
    /// <param name="points">Operating points of a sweep, including the all-to-last-exit point.</param>
    /// <param name="correct">[K][n] correctness per exit.</param>
    /// <param name="exitCosts">[K] cumulative exit costs.</param>
    /// <returns>The efficiency summary.</returns>
    public static EfficiencyResult Compute(IReadOnlyList<OperatingPoint> points, IReadOnlyList<bool[]> correct, double[] exitCosts)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(correct);
        ArgumentNullException.ThrowIfNull(exitCosts);
        ExitSweep.ValidateCosts(exitCosts);
        if (correct.Count != exitCosts.Length)
        {
            throw new ArgumentException("Expected one correctness vector per exit.", nameof(correct));
        }

        var n = correct[^1].Length;
        var lastExitAccuracy = (double)Hits(correct[^1]) / n;
        var front = ParetoFront(points);
        var minRelativeCost = exitCosts[0] / exitCosts[^1];

        var atBudget = new Dictionary<string, double>();
        foreach (var b in Budgets)
        {
            atBudget[Key(b)] = AccuracyAtBudget(front, b);
        }

        var saved = new Dictionary<string, double?>();
        foreach (var delta in AccuracyTolerances)
        {
            saved[delta.ToString(CultureInfo.InvariantCulture)] = CostSavedAtMatchedAccuracy(points, correct[^1], delta, exitCosts);
        }

        return new EfficiencyResult(Score(front, minRelativeCost, lastExitAccuracy), atBudget, saved, Oracle(correct, exitCosts), Thin(front, MaxFrontPoints));
    }

    /// <summary>
    /// The Pareto front: sorted by relative cost, each point kept only if strictly more accurate than every cheaper or
    /// equally cheap point. Among equal (cost, accuracy) points the one with the highest threshold is kept.
    /// </summary>
    /// <param name="points">Operating points in any order.</param>
    /// <returns>Points with strictly increasing relative cost and strictly increasing accuracy.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<OperatingPoint> ParetoFront(IReadOnlyList<OperatingPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var all = points as OperatingPoint[] ?? [.. points];
        var costs = new double[all.Length];
        var order = new int[points.Count];
        bool rising = true, falling = true;
        for (var j = 0; j < costs.Length; j++)
        {
            costs[j] = all[j].RelativeCost;
            order[j] = j;
            rising &= j == 0 || costs[j] >= costs[j - 1];
            falling &= j == 0 || costs[j] <= costs[j - 1];
        }

        // A sweep lists its points by falling cost already; only other inputs need the sort. Either way the front is read
        // from the cheap end of a falling list, by the one loop below.
        if (falling)
        {
            return FrontOfFalling(all);
        }

        if (!rising)
        {
            Array.Sort(costs, order);
        }

        var descending = new OperatingPoint[all.Length];
        for (var j = 0; j < descending.Length; j++)
        {
            descending[j] = all[order[all.Length - 1 - j]];
        }

        return FrontOfFalling(descending);
    }

    /// <summary>
    /// <see cref="ParetoFront"/> of points listed by non-increasing relative cost, as a sweep lists them: read from the
    /// cheapest end, with no copy, sort or index arrays (the efficiency bootstrap takes one front per replicate).
    /// </summary>
    /// <param name="points">Operating points, relative cost non-increasing.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static List<OperatingPoint> FrontOfFalling(ReadOnlySpan<OperatingPoint> points)
    {
        var front = new List<OperatingPoint>();
        var start = points.Length - 1;
        while (start >= 0)
        {
            // Best of a run of equal cost: highest accuracy, then highest threshold, whatever the input order.
            var best = points[start];
            var end = start - 1;
            for (; end >= 0 && points[end].RelativeCost == points[start].RelativeCost; end--)
            {
                var point = points[end];
                if (point.Accuracy > best.Accuracy || (point.Accuracy == best.Accuracy && point.Threshold > best.Threshold))
                {
                    best = point;
                }
            }

            if (front.Count == 0 || best.Accuracy > front[^1].Accuracy)
            {
                front.Add(best);
            }

            start = end;
        }

        return front;
    }

    /// <summary>
    /// A Pareto front thinned to at most <paramref name="max"/> vertices for plotting: its first and last vertex, and in
    /// each of max − 2 equal-width bins of relative cost between them, the last vertex in that bin, the most accurate
    /// one at most that costly. The thinned step function is never above the full one and falls short of it by at most
    /// the accuracy gained within one bin. A front of at most <paramref name="max"/> vertices is returned as it is.
    /// </summary>
    /// <param name="front">A Pareto front, relative cost strictly increasing.</param>
    /// <param name="max">Most vertices to keep, at least 3.</param>
    /// <returns>A subsequence of <paramref name="front"/>.</returns>
    public static IReadOnlyList<OperatingPoint> Thin(IReadOnlyList<OperatingPoint> front, int max)
    {
        ArgumentNullException.ThrowIfNull(front);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 3);
        if (front.Count <= max)
        {
            return front;
        }

        var bins = max - 2;
        var first = front[0].RelativeCost;
        var width = (front[^1].RelativeCost - first) / bins;
        var kept = new List<OperatingPoint>(max) { front[0] };
        var currentBin = -1;
        for (var j = 1; j < front.Count - 1; j++)
        {
            var bin = Math.Min(bins - 1, (int)((front[j].RelativeCost - first) / width));
            if (bin != currentBin && currentBin >= 0)
            {
                kept.Add(front[j - 1]);
            }

            currentBin = bin;
        }

        if (currentBin >= 0)
        {
            kept.Add(front[^2]);
        }

        kept.Add(front[^1]);
        return kept;
    }

    /// <summary>A(b): the best accuracy among points with relative cost ≤ b, or 0 when none is that cheap.</summary>
    /// <param name="front">A Pareto front (or any points).</param>
    /// <param name="budget">Relative cost budget b.</param>
    /// <returns>The accuracy reachable within the budget.</returns>
    public static double AccuracyAtBudget(IReadOnlyList<OperatingPoint> front, double budget)
    {
        ArgumentNullException.ThrowIfNull(front);
        double best = 0;
        foreach (var point in front)
        {
            if (point.RelativeCost <= budget)
            {
                best = Math.Max(best, point.Accuracy);
            }
        }

        return best;
    }

    /// <summary>
    /// The efficiency score: ∫ A(x) dx over [x_min, 1] divided by (1 − x_min), x_min = cost(1)/cost(K). When
    /// x_min = 1 (all exits cost the same) the interval is empty and the score is defined as the last exit's accuracy.
    /// </summary>
    /// <param name="front">The Pareto front.</param>
    /// <param name="minRelativeCost">x_min = cost(1)/cost(K).</param>
    /// <param name="lastExitAccuracy">Accuracy of the last exit, the score when x_min = 1.</param>
    /// <returns>The mean of A over [x_min, 1].</returns>
    public static double Score(IReadOnlyList<OperatingPoint> front, double minRelativeCost, double lastExitAccuracy)
    {
        ArgumentNullException.ThrowIfNull(front);
        if (minRelativeCost >= 1)
        {
            return lastExitAccuracy;
        }

        var steps = front.Where(p => p.RelativeCost < 1).ToList();
        if (!IsSortedByCost(steps))
        {
            steps.Sort((a, b) => a.RelativeCost.CompareTo(b.RelativeCost));
        }

        double area = 0, best = 0;
        for (var j = 0; j < steps.Count; j++)
        {
            best = Math.Max(best, steps[j].Accuracy);
            var from = Math.Max(steps[j].RelativeCost, minRelativeCost);
            var to = j + 1 < steps.Count ? steps[j + 1].RelativeCost : 1;
            if (to > from)
            {
                area += best * (to - from);
            }
        }

        return area / (1 - minRelativeCost);
    }

    /// <summary>
    /// Fraction of cost(K) saved by the cheapest point whose accuracy is at least the last exit's minus δ points:
    /// 1 − min{MeanCost : correct ≥ correct_K − δ·n/100} / cost(K), compared in exact sample counts.
    /// </summary>
    /// <param name="points">Operating points (the sweep, not only the front).</param>
    /// <param name="correctAtLast">[n] correctness at the last exit.</param>
    /// <param name="deltaPoints">δ in accuracy percentage points.</param>
    /// <param name="exitCosts">[K] cumulative exit costs.</param>
    /// <returns>The saved fraction, or null when no point is accurate enough.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double? CostSavedAtMatchedAccuracy(IReadOnlyList<OperatingPoint> points, bool[] correctAtLast, double deltaPoints, double[] exitCosts)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(correctAtLast);
        ArgumentNullException.ThrowIfNull(exitCosts);
        var n = correctAtLast.Length;
        long lastHits = Hits(correctAtLast);
        double? least = null;
        foreach (var point in points as OperatingPoint[] ?? [.. points])
        {
            // Accuracy = hits/n exactly rounded, so rounding back recovers the count.
            var hits = Math.Round(point.Accuracy * n);
            if (100 * hits >= (100.0 * lastHits) - (deltaPoints * n) && (least is null || point.MeanCost < least))
            {
                least = point.MeanCost;
            }
        }

        return least is null ? null : 1 - (least.Value / exitCosts[^1]);
    }

    /// <summary>The oracle: each sample stops at its earliest correct exit, else at the last exit.</summary>
    /// <param name="correct">[K][n] correctness per exit.</param>
    /// <param name="exitCosts">[K] cumulative exit costs.</param>
    /// <returns>Oracle accuracy and relative cost.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static OracleResult Oracle(IReadOnlyList<bool[]> correct, double[] exitCosts)
    {
        ArgumentNullException.ThrowIfNull(correct);
        ArgumentNullException.ThrowIfNull(exitCosts);
        var exits = exitCosts.Length;
        var byExit = correct.ToArray();
        var n = byExit[0].Length;
        var counts = new long[exits];
        long hits = 0;
        for (var i = 0; i < n; i++)
        {
            var stop = exits - 1;
            for (var k = 0; k < exits; k++)
            {
                if (byExit[k][i])
                {
                    stop = k;
                    hits++;
                    break;
                }
            }

            counts[stop]++;
        }

        return new OracleResult((double)hits / n, ExitSweep.MeanCost(counts, n, exitCosts) / exitCosts[^1]);
    }

    /// <summary>How many are true.</summary>
    internal static int Hits(ReadOnlySpan<bool> correct)
    {
        var hits = 0;
        foreach (var c in correct)
        {
            hits += c ? 1 : 0;
        }

        return hits;
    }

    private static bool IsSortedByCost(List<OperatingPoint> points)
    {
        for (var j = 1; j < points.Count; j++)
        {
            if (points[j].RelativeCost < points[j - 1].RelativeCost)
            {
                return false;
            }
        }

        return true;
    }

    private static string Key(double budget) => budget == 1 ? "1.0" : budget.ToString(CultureInfo.InvariantCulture);
}
