using System.Globalization;
using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Harness.Measurement;

/// <summary>Picks the thresholds worth timing from a simulated sweep.</summary>
public static class ThresholdChoice
{
    /// <summary>The relative-FLOPs budgets of <see cref="FromSweep"/>.</summary>
    public static IReadOnlyList<double> Budgets { get; } = [0.25, 0.5, 0.75];

    /// <summary>
    /// For each budget b, the most accurate Pareto point with relative cost ≤ b (labelled <c>flops_25</c> …; left out
    /// when no threshold is that cheap), and the cheapest point as accurate as the last exit (<c>matched_accuracy</c>).
    /// Each τ is placed midway between the point's threshold and the next lower one in the sweep: it selects the same
    /// samples on the test split, but is as far as possible from every score, so float noise in a differently batched
    /// forward pass cannot move a sample across it.
    /// </summary>
    /// <param name="points">A whole <see cref="ExitSweep.Sweep"/> result (thresholds strictly decreasing, first +∞), not only its Pareto front.</param>
    /// <returns>The chosen thresholds, budgets first.</returns>
    public static IReadOnlyList<ChosenThreshold> FromSweep(IReadOnlyList<OperatingPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0 || !double.IsPositiveInfinity(points[0].Threshold))
        {
            throw new ArgumentException("Expected a whole ExitSweep.Sweep result, whose first point (τ = +∞) gives the last exit's accuracy; a Pareto front may lack it.", nameof(points));
        }

        var front = Efficiency.ParetoFront(points);
        var chosen = new List<ChosenThreshold>();
        foreach (var budget in Budgets)
        {
            var feasible = front.Where(p => p.RelativeCost <= budget).ToList();
            if (feasible.Count > 0)
            {
                chosen.Add(Choose($"flops_{(budget * 100).ToString("0", CultureInfo.InvariantCulture)}", points, IndexOf(points, feasible[^1].Threshold)));
            }
        }

        // points[0] sends every sample to the last exit, so its accuracy is the last exit's, computed the same way.
        var matched = 0;
        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].Accuracy >= points[0].Accuracy && points[i].MeanCost < points[matched].MeanCost)
            {
                matched = i;
            }
        }

        chosen.Add(Choose("matched_accuracy", points, matched));
        return chosen;
    }

    // Sweep thresholds are distinct, so a threshold names its point.
    private static int IndexOf(IReadOnlyList<OperatingPoint> points, double threshold)
    {
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Threshold.Equals(threshold))
            {
                return i;
            }
        }

        throw new ArgumentException("A Pareto point is missing from the sweep.", nameof(points));
    }

    private static ChosenThreshold Choose(string label, IReadOnlyList<OperatingPoint> points, int i)
    {
        var point = points[i];
        var tau = point.Threshold;
        if (i + 1 < points.Count)
        {
            tau = double.IsPositiveInfinity(tau) ? points[i + 1].Threshold + Math.Max(1, Math.Abs(points[i + 1].Threshold)) : 0.5 * (tau + points[i + 1].Threshold);
        }
        else if (i > 0 && double.IsFinite(tau))
        {
            var above = points[i - 1].Threshold;
            tau -= double.IsFinite(above) ? 0.5 * (above - tau) : Math.Max(1, Math.Abs(tau));
        }

        return new ChosenThreshold(label, tau, point.RelativeCost, point.Accuracy);
    }
}
