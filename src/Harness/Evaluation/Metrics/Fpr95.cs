using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary>
/// <c>fpr95</c>: with t the largest distinct score such that accepting s ≥ t keeps at least 95% of the correct samples
/// (100·accepted_correct ≥ 95·n_c, exact integers), the share of wrong samples with s ≥ t. Null when all right or all wrong.
/// </summary>
[BuiltInMetric("fpr95", "Share of wrong samples accepted at the largest threshold accepting at least 95% of correct ones (exact cut)", 100)]
public sealed class Fpr95 : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.LowerIsBetter, "Hendrycks & Gimpel 2017; Liang et al. 2018 (ICLR)") { Minimum = 0, Maximum = 1, MayBeUndefined = true, Family = MetricFamily.FailurePrediction };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.ScoreGroups);
    }

    /// <summary>FPR@95TPR from grouped scores (positives = correct).</summary>
    /// <param name="groups">Grouped scores.</param>
    /// <returns>The false-positive rate, or null when either class is empty.</returns>
    public static double? Of(ScoreGroups groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.PositiveTotal == 0 || groups.NegativeTotal == 0)
        {
            return null;
        }

        long acceptedCorrect = 0, acceptedWrong = 0;
        for (var j = 0; j < groups.Values.Length; j++)
        {
            acceptedCorrect += groups.Positives[j];
            acceptedWrong += groups.Negatives[j];

            // TPR ≥ 0.95 in exact integers.
            if (100 * acceptedCorrect >= 95L * groups.PositiveTotal)
            {
                break;
            }
        }

        return (double)acceptedWrong / groups.NegativeTotal;
    }
}
