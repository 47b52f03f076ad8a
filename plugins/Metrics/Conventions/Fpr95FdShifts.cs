using EarlyExitBench.Contracts;

namespace EarlyExitBench.Metrics.Conventions;

/// <summary>
/// <c>fpr95_fdshifts</c>: fd-shifts' FPR@95TPR (docs/contributors/metrics.md, "fpr95_fdshifts"): the smallest false-positive rate
/// among ROC points (one per distinct score) whose true-positive rate is at least 0.9495, where <c>fpr95</c> cuts at
/// exactly 95%. Correct predictions are the positives.
/// </summary>
public sealed class Fpr95FdShifts : IExitMetric
{
    /// <summary>fd-shifts' cut, a tolerance below 0.95.</summary>
    public const double Cut = 0.9495;

    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.LowerIsBetter, "Jaeger et al. 2023 (ICLR), fd-shifts metrics.fpr_at_95_tpr") { Minimum = 0, Maximum = 1, MayBeUndefined = true, Family = MetricFamily.FailurePrediction };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var groups = context.ScoreGroups;
        if (groups.PositiveTotal == 0 || groups.NegativeTotal == 0)
        {
            return null;
        }

        long truePositives = 0, falsePositives = 0;
        for (var j = 0; j < groups.Values.Length; j++)
        {
            truePositives += groups.Positives[j];
            falsePositives += groups.Negatives[j];
            if ((double)truePositives / groups.PositiveTotal >= Cut)
            {
                break;
            }
        }

        return (double)falsePositives / groups.NegativeTotal;
    }
}
