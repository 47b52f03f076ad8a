namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// Compute spent on samples that an earlier exit already got right (the paper's abstract: "a well-calibrated classifier
/// may still waste computation"), at one operating point of a global threshold: the cheapest threshold whose accuracy is
/// within δ points of the last exit's (as cost_saved_at_matched_accuracy picks it). A sample is *late* when it stops at
/// exit t while its earliest correct exit e is before t; it wastes cost(t) − cost(e). The oracle (each sample at its
/// earliest correct exit) wastes nothing.
/// </summary>
public static class LateExits
{
    /// <summary>The late samples and their wasted cost at the matched-accuracy threshold; null when no threshold is accurate enough.</summary>
    /// <param name="points">Every operating point of the sweep (not only the front).</param>
    /// <param name="scores">[K][n] test scores.</param>
    /// <param name="correct">[K][n] test correctness.</param>
    /// <param name="exitCosts">[K] cumulative exit costs.</param>
    /// <param name="deltaPoints">δ in accuracy points.</param>
    public static LateExitResult? AtMatchedAccuracy(IReadOnlyList<OperatingPoint> points, IReadOnlyList<double[]> scores, IReadOnlyList<bool[]> correct, double[] exitCosts, double deltaPoints)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(correct);
        ArgumentNullException.ThrowIfNull(exitCosts);
        var n = correct[^1].Length;
        long lastHits = Efficiency.Hits(correct[^1]);
        OperatingPoint? chosen = null;
        foreach (var point in points)
        {
            var hits = Math.Round(point.Accuracy * n);
            if (100 * hits >= (100.0 * lastHits) - (deltaPoints * n) && (chosen is null || point.MeanCost < chosen.Value.MeanCost))
            {
                chosen = point;
            }
        }

        return chosen is { } p ? At(p.Threshold, scores, correct, exitCosts) : null;
    }

    /// <summary>Late samples and wasted cost when every sample stops at the first exit whose score is ≥ <paramref name="threshold"/> (the last exit always accepts).</summary>
    public static LateExitResult At(double threshold, IReadOnlyList<double[]> scores, IReadOnlyList<bool[]> correct, double[] exitCosts)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(correct);
        ArgumentNullException.ThrowIfNull(exitCosts);
        var exits = exitCosts.Length;
        var n = correct[^1].Length;
        long late = 0, hits = 0;
        double spent = 0, wasted = 0;
        for (var i = 0; i < n; i++)
        {
            var stop = exits - 1;
            for (var k = 0; k < exits - 1; k++)
            {
                if (scores[k][i] >= threshold)
                {
                    stop = k;
                    break;
                }
            }

            var earliest = -1;
            for (var k = 0; k < stop; k++)
            {
                if (correct[k][i])
                {
                    earliest = k;
                    break;
                }
            }

            spent += exitCosts[stop];
            hits += correct[stop][i] ? 1 : 0;
            if (earliest >= 0)
            {
                late++;
                wasted += exitCosts[stop] - exitCosts[earliest];
            }
        }

        return new LateExitResult(threshold, (double)hits / n, spent / n / exitCosts[^1], late, wasted / n, spent / n);
    }
}
