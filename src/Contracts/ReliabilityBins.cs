namespace EarlyExitBench.Contracts;

/// <summary>
/// One exit's samples in M equal-width confidence bins (<see cref="ConfidenceBins.EqualWidthIndex"/>): per bin the
/// number of samples, of correct ones, and the sum of their confidences, taken in ascending order of confidence. ECE,
/// MCE and a reliability diagram are read from these totals.
/// </summary>
public sealed class ReliabilityBins
{
    private readonly int[] _counts;
    private readonly long[] _hits;
    private readonly double[] _confidenceSums;

    private ReliabilityBins(int samples, int[] counts, long[] hits, double[] confidenceSums)
    {
        Samples = samples;
        _counts = counts;
        _hits = hits;
        _confidenceSums = confidenceSums;
    }

    /// <summary>Number of samples n.</summary>
    public int Samples { get; }

    /// <summary>Number of bins M.</summary>
    public int Bins => _counts.Length;

    /// <summary>Samples per bin, bin 0 lowest.</summary>
    public ReadOnlySpan<int> Counts => _counts;

    /// <summary>Correct samples per bin.</summary>
    public ReadOnlySpan<long> Hits => _hits;

    /// <summary>Sum of the confidences per bin, added in ascending order.</summary>
    public ReadOnlySpan<double> ConfidenceSums => _confidenceSums;

    /// <summary>Bins sorted confidences.</summary>
    /// <param name="sorted">The confidences, ascending.</param>
    /// <param name="bins">Number of bins M, at least 1.</param>
    /// <returns>The per-bin totals.</returns>
    public static ReliabilityBins Create(SortedConfidence sorted, int bins)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        var confidence = sorted.Confidence;
        var correct = sorted.Correct;
        var counts = new int[bins];
        var hits = new long[bins];
        var sums = new double[bins];
        var n = confidence.Length;
        var i = 0;
        while (i < n)
        {
            // Sorted ascending, so each bin is one contiguous run, ending at the bin's upper edge.
            var bin = ConfidenceBins.EqualWidthIndex(confidence[i], bins);
            var upper = bin == bins - 1 ? double.PositiveInfinity : (double)(bin + 1) / bins;
            long binHits = 0;
            double confSum = 0;
            var start = i;
            while (i < n && confidence[i] <= upper)
            {
                binHits += correct[i] ? 1 : 0;
                confSum += confidence[i];
                i++;
            }

            counts[bin] = i - start;
            hits[bin] = binHits;
            sums[bin] = confSum;
        }

        return new ReliabilityBins(n, counts, hits, sums);
    }
}
