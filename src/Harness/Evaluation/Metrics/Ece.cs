using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary>
/// <c>ece</c> over M equal-width bins (docs/contributors/metrics.md): (1/n) Σ_m |Σ_{i∈B_m} c_i − Σ_{i∈B_m} conf_i|, bin m holding
/// (m−1)/M &lt; conf ≤ m/M, empty bins skipped, sums in ascending order of confidence.
/// </summary>
[BuiltInMetric("ece", "Expected calibration error, equal-width confidence bins", 20)]
public sealed class Ece : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.LowerIsBetter, "Naeini et al. 2015 (AAAI); Guo et al. 2017 (ICML)") { Minimum = 0, Maximum = 1, Family = MetricFamily.Calibration };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.ReliabilityBins);
    }

    /// <summary>ECE of binned confidences.</summary>
    /// <param name="bins">The equal-width bins.</param>
    /// <returns>Σ_m |hits_m − conf_m| / n over non-empty bins.</returns>
    public static double Of(ReliabilityBins bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        double ece = 0;
        for (var m = 0; m < bins.Bins; m++)
        {
            if (bins.Counts[m] > 0)
            {
                ece += Math.Abs(bins.Hits[m] - bins.ConfidenceSums[m]);
            }
        }

        return ece / bins.Samples;
    }
}
