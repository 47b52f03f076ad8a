using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary><c>brier</c> = (1/n) Σ_i Σ_c (p_ic − 1[y_i = c])², the multi-class Brier score, in [0, 2].</summary>
[BuiltInMetric("brier", "Multi-class Brier score, mean squared distance to the one-hot label", 60)]
public sealed class Brier : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.LowerIsBetter, "Brier 1950 (Monthly Weather Review)") { Minimum = 0, Maximum = 2, Family = MetricFamily.Calibration };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.ProbabilityTotals);
    }

    /// <summary>The Brier score of summed probability rows.</summary>
    /// <param name="totals">The sums.</param>
    /// <returns>The mean squared distance to the one-hot label.</returns>
    public static double Of(ProbabilityTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return totals.BrierSum / totals.Samples;
    }
}
