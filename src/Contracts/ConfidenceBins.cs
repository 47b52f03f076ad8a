namespace EarlyExitBench.Contracts;

/// <summary>
/// The one equal-width bin rule of EarlyExitBench: the harness's ECE, MCE and reliability diagrams and the histogram
/// calibrator all bin with <see cref="EqualWidthIndex"/>, so a plugin that bins confidences "as in ECE" should too.
/// </summary>
public static class ConfidenceBins
{
    /// <summary>
    /// 0-based equal-width bin of <paramref name="p"/>. Edges are the doubles e_m = m/M (correctly rounded), bin m holds
    /// e_{m−1} &lt; p ≤ e_m, so p = 0.7 lands in the bin whose upper edge is 0.7 even though 0.7·10 rounds to just above
    /// 7. For single-precision p this is the same as comparing with the exact fraction m/M.
    /// </summary>
    /// <param name="p">A probability.</param>
    /// <param name="bins">Number of bins M, at least 1.</param>
    /// <returns>m − 1 for the bin m holding p; p ≤ 0 (or NaN) gives 0 and p ≥ 1 gives M − 1.</returns>
    public static int EqualWidthIndex(double p, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        if (!(p > 0))
        {
            return 0;
        }

        if (p >= 1)
        {
            return bins - 1;
        }

        // ceil(p·M) is off by at most one from the true bin; fix it against the edges themselves.
        var m = Math.Clamp((int)Math.Ceiling(p * bins), 1, bins);
        if (m > 1 && p <= (double)(m - 1) / bins)
        {
            m--;
        }
        else if (m < bins && p > (double)m / bins)
        {
            m++;
        }

        return m - 1;
    }
}
