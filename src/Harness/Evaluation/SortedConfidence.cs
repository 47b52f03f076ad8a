using System.Runtime.CompilerServices;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// Confidences sorted ascending with their correctness, the one sort behind ECE, adaptive ECE and MCE. Bin sums are taken
/// in sorted order, so these metrics are bit-identical under any permutation of the samples.
/// </summary>
internal sealed class SortedConfidence
{
    private readonly double[] _confidence;
    private readonly bool[] _correct;

    private SortedConfidence(double[] confidence, bool[] correct)
    {
        _confidence = confidence;
        _correct = correct;
    }

    public static SortedConfidence Create(ReadOnlySpan<double> confidence, ReadOnlySpan<bool> correct)
    {
        if (confidence.Length != correct.Length)
        {
            throw new ArgumentException("Confidence and correctness must have the same length.", nameof(correct));
        }

        return From(ScoreOrder.Create(confidence), correct);
    }

    /// <summary>Reuses a sort of the same values (the score is often the confidence itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SortedConfidence From(ScoreOrder order, ReadOnlySpan<bool> correct)
    {
        if (order.Order.Length != correct.Length)
        {
            throw new ArgumentException("Confidence and correctness must have the same length.", nameof(correct));
        }

        var items = new bool[correct.Length];
        for (var j = 0; j < items.Length; j++)
        {
            items[j] = correct[order.Order[j]];
        }

        return new SortedConfidence(order.Sorted, items);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (double Ece, double Mce) EqualWidth(int bins)
    {
        var edges = new EqualWidthBins(bins);
        var n = _confidence.Length;
        double ece = 0, mce = 0;
        var i = 0;
        while (i < n)
        {
            // Sorted ascending, so each bin is one contiguous run, ending at the bin's upper edge.
            var bin = edges.Index(_confidence[i]);
            var upper = bin == bins - 1 ? double.PositiveInfinity : edges.UpperEdge(bin);
            long hits = 0;
            double confSum = 0;
            var start = i;
            while (i < n && _confidence[i] <= upper)
            {
                hits += _correct[i] ? 1 : 0;
                confSum += _confidence[i];
                i++;
            }

            var gap = Math.Abs(hits - confSum);
            ece += gap;
            mce = Math.Max(mce, gap / (i - start));
        }

        return (ece / n, mce);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double AdaptiveEce(int bins)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        var n = _confidence.Length;
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

            var value = _confidence[i];
            while (i < n && _confidence[i] == value)
            {
                hits += _correct[i] ? 1 : 0;
                confSum += value;
                i++;
            }
        }

        ece += Math.Abs(hits - confSum);
        return ece / n;
    }
}
