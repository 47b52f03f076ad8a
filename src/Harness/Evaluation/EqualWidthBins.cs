using System.Runtime.CompilerServices;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// <see cref="CalibrationMetrics.BinIndex(double, int)"/> with the edges m/M computed once: the same bins, without two
/// divisions per call in the per-sample loops.
/// </summary>
internal sealed class EqualWidthBins
{
    private readonly double[] _edges;

    public EqualWidthBins(int bins)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        Count = bins;
        _edges = new double[bins + 1];
        for (var m = 0; m <= bins; m++)
        {
            _edges[m] = (double)m / bins;
        }
    }

    /// <summary>M.</summary>
    public int Count { get; }

    /// <summary>The upper edge m/M of 0-based bin m − 1, i.e. <c>UpperEdge(b)</c> = (b + 1)/M.</summary>
    public double UpperEdge(int bin) => _edges[bin + 1];

    /// <summary>0-based bin of <paramref name="p"/>: bin m − 1 holds e_{m−1} &lt; p ≤ e_m; p ≤ 0 gives 0 and p ≥ 1 gives M − 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Index(double p)
    {
        if (!(p > 0))
        {
            return 0;
        }

        if (p >= 1)
        {
            return Count - 1;
        }

        var m = Math.Clamp((int)Math.Ceiling(p * Count), 1, Count);
        if (m > 1 && p <= _edges[m - 1])
        {
            m--;
        }
        else if (m < Count && p > _edges[m])
        {
            m++;
        }

        return m - 1;
    }
}
