using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary>
/// <c>classwise_ece</c> = (1/C) Σ_c (1/n) Σ_m |Σ_{i∈B_cm} 1[y_i = c] − Σ_{i∈B_cm} p_ic|, with B_cm the equal-width bin of
/// p_ic (the edges of <see cref="Ece"/>).
/// </summary>
[BuiltInMetric("classwise_ece", "Mean over classes of the equal-width ECE of p_c against 1[y = c]", 50)]
public sealed class ClasswiseEce : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.LowerIsBetter, "Kull et al. 2019 (NeurIPS)") { Minimum = 0, Maximum = 1, Family = MetricFamily.Calibration };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.ProbabilityTotals);
    }

    /// <summary>Classwise ECE of summed probability rows.</summary>
    /// <param name="totals">The per-class, per-bin sums.</param>
    /// <returns>The mean over classes of each class's equal-width ECE.</returns>
    public static double Of(ProbabilityTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        double classwise = 0;
        for (var c = 0; c < totals.Classes; c++)
        {
            double gaps = 0;
            for (var m = 0; m < totals.Bins; m++)
            {
                gaps += Math.Abs(totals.LabelCount(c, m) - totals.ProbabilitySum(c, m));
            }

            classwise += gaps / totals.Samples;
        }

        return classwise / totals.Classes;
    }
}
