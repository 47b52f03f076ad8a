using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary>
/// <c>adaptive_ece</c>: ECE over M equal-mass bins. Samples sorted by confidence; bin m (0-based) spans sorted positions
/// [⌊m·n/M⌋, ⌊(m+1)·n/M⌋); samples with equal confidence always share a bin, the one of the tie group's first position,
/// so the result does not depend on input order. Empty bins are skipped.
/// </summary>
[BuiltInMetric("adaptive_ece", "Expected calibration error, equal-mass confidence bins", 30)]
public sealed class AdaptiveEce : IExitMetric
{
    /// <inheritdoc />
    public MetricInfo Info { get; } = new(MetricDirection.LowerIsBetter, "Nguyen & O'Connor 2015 (EMNLP); Nixon et al. 2019 (CVPR workshops)") { Minimum = 0, Maximum = 1, Family = MetricFamily.Calibration };

    /// <inheritdoc />
    public double? Compute(ExitMetricContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.SortedConfidence, context.Bins);
    }

    /// <summary>Adaptive ECE of sorted confidences.</summary>
    /// <param name="sorted">The confidences, ascending.</param>
    /// <param name="bins">Number of bins M.</param>
    /// <returns>Σ_m (|B_m|/n)·|acc(B_m) − conf(B_m)| over the equal-mass bins.</returns>
    public static double Of(SortedConfidence sorted, int bins)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        var confidence = sorted.Confidence;
        var correct = sorted.Correct;
        var n = confidence.Length;
        double ece = 0;
        long hits = 0;
        double confSum = 0;
        var currentBin = 0;
        var i = 0;
        while (i < n)
        {
            // A tie group belongs to the bin holding its first sorted position.
            var bin = currentBin;
            while (bin + 1 < bins && (long)(bin + 1) * n / bins <= i)
            {
                bin++;
            }

            if (bin != currentBin)
            {
                ece += Math.Abs(hits - confSum);
                hits = 0;
                confSum = 0;
                currentBin = bin;
            }

            var value = confidence[i];
            while (i < n && confidence[i] == value)
            {
                hits += correct[i] ? 1 : 0;
                confSum += value;
                i++;
            }
        }

        ece += Math.Abs(hits - confSum);
        return ece / n;
    }
}
