using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary>
/// <c>aupr_error</c>: average precision of −s for detecting wrong predictions. Thresholds are the distinct scores from
/// the lowest up; AP = Σ_j (R_j − R_{j−1})·P_j with recall R and precision P of "wrong" after flagging every sample with
/// s ≤ t_j. Null when no prediction is wrong; 1 when all are.
/// </summary>
[BuiltInMetric("aupr_error", "Average precision of -score for detecting wrong predictions", 90)]
public sealed class AuprError : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.HigherIsBetter, "Hendrycks & Gimpel 2017 (ICLR)") { Minimum = 0, Maximum = 1, MayBeUndefined = true, Family = MetricFamily.FailurePrediction };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.ScoreGroups);
    }

    /// <summary>AUPR-Error from grouped scores (positives = correct).</summary>
    /// <param name="groups">Grouped scores.</param>
    /// <returns>The average precision; null when no sample is wrong.</returns>
    public static double? Of(ScoreGroups groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var wrongTotal = groups.NegativeTotal;
        if (wrongTotal == 0)
        {
            return null;
        }

        double ap = 0;
        long flagged = 0, flaggedWrong = 0;
        for (var j = groups.Values.Length - 1; j >= 0; j--)
        {
            flagged += groups.Positives[j] + groups.Negatives[j];
            flaggedWrong += groups.Negatives[j];
            if (groups.Negatives[j] > 0)
            {
                ap += (double)groups.Negatives[j] / wrongTotal * ((double)flaggedWrong / flagged);
            }
        }

        return ap;
    }
}
