using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// The one pass over an exit's rows behind <see cref="ExitOutputs"/>. A row arrives as unnormalised weights e_c with a
/// scale 1/S, p_c = e_c / S: the exponentials of calibrated logits, or probabilities with S = 1. Rows are added in sample
/// order by one thread, so the sums do not depend on scheduling.
/// </summary>
internal sealed class ExitAccumulator
{
    private static readonly double LogNllFloor = Math.Log(ProbabilityTotals.NllFloor);

    private readonly int _classes;
    private readonly int _bins;
    private readonly EqualWidthBins _edges;
    private readonly double[] _columnSums;
    private readonly double[] _upperBinSums;
    private readonly long[] _labelCounts;
    private double _brierSum;
    private double _nllSum;

    public ExitAccumulator(int classes, int bins)
    {
        _classes = classes;
        _bins = bins;
        _edges = new EqualWidthBins(bins);
        _columnSums = new double[classes];
        _upperBinSums = new double[classes * bins];
        _labelCounts = new long[classes * bins];
    }

    public double BrierSum => _brierSum;

    public double NllSum => _nllSum;

    /// <summary>Adds one sample.</summary>
    /// <param name="weights">e_c ≥ 0.</param>
    /// <param name="scale">1/S.</param>
    /// <param name="label">The sample's label.</param>
    /// <param name="logLabelProbability">log p_label (−∞ allowed), floored here at log 1e-12.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<float> weights, double scale, int label, double logLabelProbability)
    {
        var squares = AddColumnsAndSquares(weights, scale);
        var pLabel = weights[label] * scale;

        // Σ_c (p_c − 1[c=y])² = Σ_c p_c² − 2·p_y + 1.
        _brierSum += (squares * scale * scale) - (2 * pLabel) + 1;
        _nllSum -= Math.Max(logLabelProbability, LogNllFloor);
        _labelCounts[(label * _bins) + _edges.Index(pLabel)]++;

        // Most p_c sit in the first bin (p ≤ 1/M), which is taken as the column sum minus the upper bins; only weights
        // that may lie above 1/M are binned one by one. The float cut errs low, BinIndex decides exactly.
        var cut = (float)(1.0 / (_bins * scale) * (1 - 1e-6));
        for (var c = NextAbove(weights, 0, cut); c >= 0; c = NextAbove(weights, c + 1, cut))
        {
            var p = weights[c] * scale;
            var bin = _edges.Index(p);
            if (bin > 0)
            {
                _upperBinSums[(c * _bins) + bin] += p;
            }
        }
    }

    /// <summary>
    /// The sums as <see cref="ProbabilityTotals"/>. Most p_c were added to the first bin implicitly (see <see cref="Add"/>):
    /// its sum is the column sum minus the upper bins.
    /// </summary>
    /// <param name="n">Samples added.</param>
    public ProbabilityTotals Totals(int n)
    {
        var sums = new double[_classes * _bins];
        for (var c = 0; c < _classes; c++)
        {
            var firstBin = _columnSums[c];
            for (var m = 1; m < _bins; m++)
            {
                firstBin -= _upperBinSums[(c * _bins) + m];
                sums[(c * _bins) + m] = _upperBinSums[(c * _bins) + m];
            }

            sums[c * _bins] = firstBin;
        }

        return new ProbabilityTotals(n, _bins, _brierSum, _nllSum, sums, _labelCounts);
    }

    /// <summary>Adds p_c to each column sum and returns Σ_c e_c², both in double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double AddColumnsAndSquares(ReadOnlySpan<float> weights, double scale)
    {
        var columns = _columnSums.AsSpan();
        var c = 0;
        double squares = 0;
        if (Vector256.IsHardwareAccelerated && weights.Length >= Vector256<float>.Count)
        {
            ref var w = ref MemoryMarshal.GetReference(weights);
            ref var sums = ref MemoryMarshal.GetArrayDataReference(_columnSums);
            var factor = Vector256.Create(scale);
            var squareSum = Vector256<double>.Zero;
            for (; c <= weights.Length - Vector256<float>.Count; c += Vector256<float>.Count)
            {
                var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref w, (nuint)c));
                Vector256.FusedMultiplyAdd(low, factor, Vector256.LoadUnsafe(ref sums, (nuint)c)).StoreUnsafe(ref sums, (nuint)c);
                Vector256.FusedMultiplyAdd(high, factor, Vector256.LoadUnsafe(ref sums, (nuint)c + 4)).StoreUnsafe(ref sums, (nuint)c + 4);
                squareSum = Vector256.FusedMultiplyAdd(low, low, Vector256.FusedMultiplyAdd(high, high, squareSum));
            }

            squares = Vector256.Sum(squareSum);
        }

        for (; c < weights.Length; c++)
        {
            double e = weights[c];
            columns[c] = Math.FusedMultiplyAdd(e, scale, columns[c]);
            squares += e * e;
        }

        return squares;
    }

    /// <summary>The first index ≥ <paramref name="from"/> whose weight exceeds <paramref name="cut"/>, or −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NextAbove(ReadOnlySpan<float> weights, int from, float cut)
    {
        var c = from;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var w = ref MemoryMarshal.GetReference(weights);
            var limit = Vector256.Create(cut);
            for (; c <= weights.Length - Vector256<float>.Count; c += Vector256<float>.Count)
            {
                var mask = Vector256.GreaterThan(Vector256.LoadUnsafe(ref w, (nuint)c), limit).ExtractMostSignificantBits();
                if (mask != 0)
                {
                    return c + System.Numerics.BitOperations.TrailingZeroCount(mask);
                }
            }
        }

        for (; c < weights.Length; c++)
        {
            if (weights[c] > cut)
            {
                return c;
            }
        }

        return -1;
    }
}
