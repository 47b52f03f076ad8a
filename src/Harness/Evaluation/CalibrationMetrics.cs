using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// The equal-width bin rule of the calibration metrics (docs/contributors/metrics.md, "Calibration"), whose formulas are the classes
/// of <c>Evaluation/Metrics</c>. Bin m (1-based) of M holds (m−1)/M &lt; p ≤ m/M (see <see cref="BinIndex(double, int)"/>);
/// p ≤ 0 goes to bin 1 and p &gt; 1 to bin M.
/// </summary>
public static class CalibrationMetrics
{
    /// <summary>
    /// 0-based equal-width bin of <paramref name="p"/>: Contracts' <see cref="ConfidenceBins.EqualWidthIndex"/>, the one
    /// bin rule that the histogram calibrator uses too. Bin m holds e_{m−1} &lt; p ≤ e_m with e_m = m/M as a double.
    /// </summary>
    /// <param name="p">A probability.</param>
    /// <param name="bins">Number of bins M.</param>
    /// <returns>m − 1 for the bin m holding p; p ≤ 0 gives 0 and p ≥ 1 gives M − 1.</returns>
    public static int BinIndex(double p, int bins) => ConfidenceBins.EqualWidthIndex(p, bins);

    /// <summary>
    /// Bin of a single-precision probability for the matrix pass: p·M is exact in double, and no float lies strictly
    /// between m/M and its nearest double, so ceil(p·M) agrees with <see cref="BinIndex(double, int)"/> (tested).
    /// </summary>
    /// <param name="p">A single-precision probability.</param>
    /// <param name="bins">Number of bins M.</param>
    /// <returns>The 0-based bin.</returns>
    public static int BinIndex(float p, int bins)
    {
        var m = (int)Math.Ceiling((double)p * bins);
        return m <= 1 ? 0 : (m >= bins ? bins - 1 : m - 1);
    }
}
