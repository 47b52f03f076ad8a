using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary>
/// <c>rank_preservation</c>: Kendall τ_b between the score on uncalibrated probabilities and on calibrated ones, over the
/// same samples (Knight's algorithm, exact integers); exactly 1 when the two are identical, null when either is
/// constant or the host has no uncalibrated scores.
/// </summary>
[BuiltInMetric("rank_preservation", "Kendall tau-b between the score before and after calibration", 150)]
public sealed class RankPreservation : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.HigherIsBetter, "Kendall 1945 (Biometrika), tau-b") { Minimum = -1, Maximum = 1, MayBeUndefined = true, Family = MetricFamily.Other };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var before = context.ScoresBeforeCalibration(context.Exit);
        if (before.IsEmpty)
        {
            return null;
        }

        var scores = context.Scores(context.Exit);
        var order = context.ScoreOrder(context.Exit);
        if (before.SequenceEqual(scores))
        {
            // τ_b of a score with itself: n_1 = n_2 = n_3 and no discordant pair, so 1, or undefined when constant.
            return order.Length < 2 || scores[order[0]] == scores[order[^1]] ? null : 1.0;
        }

        return RankCorrelation.KendallTauB(before, ScoreOrder.FromOrder(scores, order));
    }
}
