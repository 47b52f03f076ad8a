using System.Globalization;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Calibrators.Standard;

/// <summary>
/// <c>histogram</c>: top-label histogram binning (Zadrozny &amp; Elkan 2001). The max-softmax confidence
/// is put in one of M equal-width bins (bin m holds (m−1)/M &lt; conf ≤ m/M, as in ECE: <see cref="ConfidenceBins.EqualWidthIndex"/>) and replaced by
/// that bin's validation accuracy; an empty bin keeps the sample's own confidence. The other classes
/// share the rest (see <see cref="TopLabel.Spread"/>); the top value is floored at just above 1/C.
/// Keeps each sample's argmax. Does NOT keep the order of samples by confidence: samples in one bin
/// tie, and bin accuracies need not increase with confidence.
/// Parameters: <c>accuracy_bin_m</c> (1-based m) for every non-empty bin.
/// </summary>
public sealed class HistogramBinningCalibrator : ICalibrator
{
    private readonly int _bins;

    /// <summary>Creates the calibrator.</summary>
    /// <param name="options">Bin count.</param>
    public HistogramBinningCalibrator(HistogramBinningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Bins, 1, nameof(options.Bins));
        _bins = options.Bins;
    }

    /// <inheritdoc />
    public IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken)
    {
        CalibrationInput.Validate(logits, labels);
        var (rows, correct) = TopLabel.Describe(logits, labels);
        var counts = new int[_bins];
        var hits = new int[_bins];
        for (var i = 0; i < rows.Length; i++)
        {
            var bin = Bin(rows[i].Confidence, _bins);
            counts[bin]++;
            hits[bin] += correct[i] ? 1 : 0;
        }

        var accuracy = new double[_bins];
        var reported = new Dictionary<string, double>();
        for (var m = 0; m < _bins; m++)
        {
            accuracy[m] = counts[m] > 0 ? (double)hits[m] / counts[m] : double.NaN;
            if (counts[m] > 0)
            {
                reported[string.Create(CultureInfo.InvariantCulture, $"accuracy_bin_{m + 1}")] = accuracy[m];
            }
        }

        return new Fitted(accuracy, reported);
    }

    /// <summary>Zero-based bin of a confidence, by the harness's one bin rule (the ECE's).</summary>
    internal static int Bin(double confidence, int bins) => ConfidenceBins.EqualWidthIndex(confidence, bins);

    private sealed class Fitted(double[] accuracy, IReadOnlyDictionary<string, double> parameters) : IFittedCalibrator
    {
        public IReadOnlyDictionary<string, double> Parameters => parameters;

        public ClassMatrix Apply(ClassMatrix logits) => TopLabel.Apply(logits, row =>
        {
            var value = accuracy[Bin(row.Confidence, accuracy.Length)];
            return double.IsNaN(value) ? row.Confidence : value;
        });
    }
}
