using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary><c>nll</c> = −(1/n) Σ_i log max(p_{i,y_i}, 1e−12) (<see cref="ProbabilityTotals.NllFloor"/>).</summary>
[BuiltInMetric("nll", "Mean negative log-probability of the label, floored at 1e-12", 70)]
public sealed class Nll : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.LowerIsBetter, "log loss; Quinonero-Candela et al. 2006") { Minimum = 0, Family = MetricFamily.Calibration };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.ProbabilityTotals);
    }

    /// <summary>The NLL of summed probability rows.</summary>
    /// <param name="totals">The sums.</param>
    /// <returns>The mean negative log-probability of the label.</returns>
    public static double Of(ProbabilityTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return totals.NllSum / totals.Samples;
    }
}
