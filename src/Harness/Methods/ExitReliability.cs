using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Harness.Methods;

/// <summary>
/// One exit's reliability-diagram counts over the equal-width confidence bins of ECE: per bin, how many test samples
/// fall in it, how many of them are correct and the sum of their confidences. Sums, not means, so seeds pool exactly.
/// </summary>
/// <param name="Counts">Samples per bin.</param>
/// <param name="Correct">Correct samples per bin.</param>
/// <param name="ConfidenceSum">Sum of max-probability confidences per bin.</param>
public sealed record ExitReliability(int[] Counts, int[] Correct, double[] ConfidenceSum)
{
    /// <summary>Bins each sample's confidence with the bin rule of ECE (<see cref="CalibrationMetrics.BinIndex(double, int)"/>).</summary>
    /// <param name="confidence">[n] max probability per test sample, as the evaluation computed it.</param>
    /// <param name="correct">[n] whether the prediction is right.</param>
    /// <param name="bins">Number of equal-width bins.</param>
    public static ExitReliability Compute(ReadOnlySpan<double> confidence, ReadOnlySpan<bool> correct, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        if (confidence.Length != correct.Length)
        {
            throw new ArgumentException("Confidence and correctness must have the same length.", nameof(correct));
        }

        var counts = new int[bins];
        var hits = new int[bins];
        var sums = new double[bins];
        for (var i = 0; i < confidence.Length; i++)
        {
            var bin = CalibrationMetrics.BinIndex(confidence[i], bins);
            counts[bin]++;
            hits[bin] += correct[i] ? 1 : 0;
            sums[bin] += confidence[i];
        }

        return new ExitReliability(counts, hits, sums.Select(s => Math.Round(s, 6)).ToArray());
    }
}
