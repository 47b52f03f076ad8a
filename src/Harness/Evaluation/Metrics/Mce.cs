using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary><c>mce</c> = max over non-empty equal-width bins of |acc(B_m) − conf(B_m)| (the bins of <see cref="Ece"/>).</summary>
[BuiltInMetric("mce", "Maximum calibration error over non-empty equal-width bins", 40)]
public sealed class Mce : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.LowerIsBetter, "Naeini et al. 2015 (AAAI)") { Minimum = 0, Maximum = 1, Family = MetricFamily.Calibration };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.ReliabilityBins);
    }

    /// <summary>MCE of binned confidences.</summary>
    /// <param name="bins">The equal-width bins.</param>
    /// <returns>max_m |hits_m − conf_m| / |B_m| over non-empty bins.</returns>
    public static double Of(ReliabilityBins bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        double mce = 0;
        for (var m = 0; m < bins.Bins; m++)
        {
            if (bins.Counts[m] > 0)
            {
                mce = Math.Max(mce, Math.Abs(bins.Hits[m] - bins.ConfidenceSums[m]) / bins.Counts[m]);
            }
        }

        return mce;
    }
}
