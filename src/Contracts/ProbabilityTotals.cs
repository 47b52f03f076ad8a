namespace EarlyExitBench.Contracts;

/// <summary>
/// Sums over one exit's calibrated probability rows, from which Brier score, NLL and classwise ECE are read: the squared
/// distances to the one-hot label, the floored log-probabilities of the label, and per class c and equal-width bin m of
/// p_c (<see cref="ConfidenceBins.EqualWidthIndex"/>) the sum of p_c and the number of samples labelled c.
/// </summary>
public sealed class ProbabilityTotals
{
    /// <summary>The floor applied to the label's probability before taking its log.</summary>
    public const double NllFloor = 1e-12;

    private readonly double[] _probabilitySums;
    private readonly long[] _labelCounts;

    /// <summary>Holds totals summed elsewhere (the host sums them in its one pass over the rows).</summary>
    /// <param name="samples">Number of samples n, at least 1.</param>
    /// <param name="bins">Number of equal-width bins M, at least 1.</param>
    /// <param name="brierSum">Σ_i Σ_c (p_ic − 1[y_i = c])².</param>
    /// <param name="nllSum">−Σ_i log max(p_{i,y_i}, <see cref="NllFloor"/>).</param>
    /// <param name="probabilitySums">[C·M] Σ p_ic over the samples whose p_ic is in bin m, at index c·M + m.</param>
    /// <param name="labelCounts">[C·M] the number of samples labelled c whose p_ic is in bin m, at index c·M + m.</param>
    public ProbabilityTotals(int samples, int bins, double brierSum, double nllSum, ReadOnlySpan<double> probabilitySums, ReadOnlySpan<long> labelCounts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        if (probabilitySums.Length == 0 || probabilitySums.Length % bins != 0 || labelCounts.Length != probabilitySums.Length)
        {
            throw new ArgumentException($"Expected C·{bins} probability sums and label counts, got {probabilitySums.Length} and {labelCounts.Length}.", nameof(labelCounts));
        }

        Samples = samples;
        Bins = bins;
        BrierSum = brierSum;
        NllSum = nllSum;
        _probabilitySums = probabilitySums.ToArray();
        _labelCounts = labelCounts.ToArray();
    }

    /// <summary>Number of samples n.</summary>
    public int Samples { get; }

    /// <summary>Number of classes C.</summary>
    public int Classes => _probabilitySums.Length / Bins;

    /// <summary>Number of equal-width bins M.</summary>
    public int Bins { get; }

    /// <summary>Σ_i Σ_c (p_ic − 1[y_i = c])².</summary>
    public double BrierSum { get; }

    /// <summary>−Σ_i log max(p_{i,y_i}, <see cref="NllFloor"/>).</summary>
    public double NllSum { get; }

    /// <summary>Σ p_ic over the samples whose p_ic falls in equal-width bin <paramref name="bin"/>.</summary>
    /// <param name="class">Class c, 0-based.</param>
    /// <param name="bin">Bin m, 0-based.</param>
    public double ProbabilitySum(int @class, int bin) => _probabilitySums[(@class * Bins) + bin];

    /// <summary>The number of samples labelled <paramref name="class"/> whose p_ic falls in bin <paramref name="bin"/>.</summary>
    /// <param name="class">Class c, 0-based.</param>
    /// <param name="bin">Bin m, 0-based.</param>
    public long LabelCount(int @class, int bin) => _labelCounts[(@class * Bins) + bin];

    /// <summary>Sums a probability matrix row by row, each term as its definition reads (the host's pass is checked against this).</summary>
    /// <param name="probabilities">Probabilities, n × C, n ≥ 1.</param>
    /// <param name="labels">Labels in [0, C).</param>
    /// <param name="bins">Number of equal-width bins M.</param>
    /// <returns>The totals.</returns>
    public static ProbabilityTotals Create(ClassMatrix probabilities, ReadOnlySpan<int> labels, int bins)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        var n = probabilities.Rows;
        var classes = probabilities.Columns;
        if (labels.Length != n)
        {
            throw new ArgumentException($"Expected {n} labels, got {labels.Length}.", nameof(labels));
        }

        var sums = new double[classes * bins];
        var counts = new long[classes * bins];
        double brier = 0, nll = 0;
        for (var i = 0; i < n; i++)
        {
            var row = probabilities.Row(i);
            var label = labels[i];
            if ((uint)label >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), $"Label {label} of sample {i} is outside [0, {classes}).");
            }

            for (var c = 0; c < classes; c++)
            {
                double p = row[c];
                var distance = p - (c == label ? 1 : 0);
                brier += distance * distance;
                sums[(c * bins) + ConfidenceBins.EqualWidthIndex(p, bins)] += p;
            }

            counts[(label * bins) + ConfidenceBins.EqualWidthIndex(row[label], bins)]++;
            nll -= Math.Log(Math.Max(row[label], NllFloor));
        }

        return new ProbabilityTotals(n, bins, brier, nll, sums, counts);
    }
}
