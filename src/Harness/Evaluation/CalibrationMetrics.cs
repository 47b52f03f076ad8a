using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// Calibration metrics of one exit (docs/metrics.md, "Calibration").
/// Equal-width bin m (1-based) of M holds (m−1)/M &lt; p ≤ m/M (see <see cref="BinIndex(double, int)"/>); p ≤ 0 goes
/// to bin 1 and p &gt; 1 to bin M.
/// </summary>
public static class CalibrationMetrics
{
    /// <summary>The floor applied to the label's probability before taking its log.</summary>
    public const double NllFloor = 1e-12;

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

    /// <summary>Expected calibration error over <paramref name="bins"/> equal-width bins.</summary>
    /// <param name="confidence">Confidence (max probability) per sample.</param>
    /// <param name="correct">Whether each sample's prediction is correct.</param>
    /// <param name="bins">Number of bins M.</param>
    /// <returns>Σ_m (|B_m|/n)·|acc(B_m) − conf(B_m)|.</returns>
    public static double Ece(ReadOnlySpan<double> confidence, ReadOnlySpan<bool> correct, int bins = 15)
        => SortedConfidence.Create(confidence, correct).EqualWidth(bins).Ece;

    /// <summary>Maximum calibration error: the largest |acc − conf| over non-empty equal-width bins.</summary>
    /// <param name="confidence">Confidence (max probability) per sample.</param>
    /// <param name="correct">Whether each sample's prediction is correct.</param>
    /// <param name="bins">Number of bins M.</param>
    /// <returns>max_m |acc(B_m) − conf(B_m)| over non-empty bins.</returns>
    public static double Mce(ReadOnlySpan<double> confidence, ReadOnlySpan<bool> correct, int bins = 15)
        => SortedConfidence.Create(confidence, correct).EqualWidth(bins).Mce;

    /// <summary>
    /// Expected calibration error over <paramref name="bins"/> equal-mass bins. Samples are sorted by confidence and bin m
    /// (0-based) spans sorted positions [⌊m·n/M⌋, ⌊(m+1)·n/M⌋); samples with equal confidence always share a bin, the
    /// one of the tie group's first position, so the result does not depend on input order. Empty bins are skipped.
    /// </summary>
    /// <param name="confidence">Confidence (max probability) per sample.</param>
    /// <param name="correct">Whether each sample's prediction is correct.</param>
    /// <param name="bins">Number of bins M.</param>
    /// <returns>Σ_m (|B_m|/n)·|acc(B_m) − conf(B_m)| over the equal-mass bins.</returns>
    public static double AdaptiveEce(ReadOnlySpan<double> confidence, ReadOnlySpan<bool> correct, int bins = 15)
        => SortedConfidence.Create(confidence, correct).AdaptiveEce(bins);

    /// <summary>Mean over classes c of the equal-width ECE of p_c against 1[y = c] (bins over p_c).</summary>
    /// <param name="probabilities">Probabilities, n × C.</param>
    /// <param name="labels">Labels in [0, C).</param>
    /// <param name="bins">Number of bins M.</param>
    /// <returns>(1/C) Σ_c Σ_m (1/n)·|Σ_{i∈B_cm} 1[y_i = c] − Σ_{i∈B_cm} p_ic|.</returns>
    public static double ClasswiseEce(ClassMatrix probabilities, ReadOnlySpan<int> labels, int bins = 15)
        => ExitOutputs.Compute(probabilities, labels, bins).ClasswiseEce;

    /// <summary>Brier score (1/n) Σ_i Σ_c (p_ic − 1[y_i = c])².</summary>
    /// <param name="probabilities">Probabilities, n × C.</param>
    /// <param name="labels">Labels in [0, C).</param>
    /// <returns>The multi-class Brier score, in [0, 2].</returns>
    public static double Brier(ClassMatrix probabilities, ReadOnlySpan<int> labels)
        => ExitOutputs.Compute(probabilities, labels, 1).Brier;

    /// <summary>Negative log-likelihood −(1/n) Σ_i log max(p_{i,y_i}, 1e−12).</summary>
    /// <param name="probabilities">Probabilities, n × C.</param>
    /// <param name="labels">Labels in [0, C).</param>
    /// <returns>The mean negative log-likelihood.</returns>
    public static double Nll(ClassMatrix probabilities, ReadOnlySpan<int> labels)
        => ExitOutputs.Compute(probabilities, labels, 1).Nll;
}
