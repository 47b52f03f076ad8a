using EarlyExitBench.Contracts;

namespace EarlyExitBench.Calibrators.Standard;

/// <summary>
/// <c>isotonic</c>: top-label isotonic regression (Zadrozny &amp; Elkan 2002). Pool-adjacent-violators
/// fits a non-decreasing map from max-softmax confidence to validation correctness; each pooled block
/// contributes its first and last confidence as knots, and a new confidence is linearly interpolated
/// between knots (held constant beyond the ends), as scikit-learn does. The other classes share the rest
/// (see <see cref="TopLabel.Spread"/>); the top value is floored at just above 1/C.
/// Keeps each sample's argmax. Keeps the order of samples by confidence weakly: it never swaps two
/// samples but ties those that fall on a flat block.
/// Parameters: <c>blocks</c> (pooled blocks), <c>min_value</c>, <c>max_value</c>.
/// </summary>
public sealed class IsotonicCalibrator : ICalibrator
{
    /// <inheritdoc />
    public IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken)
    {
        CalibrationInput.Validate(logits, labels);
        var (rows, correct) = TopLabel.Describe(logits, labels);
        var confidence = rows.Select(r => r.Confidence).ToArray();
        var target = correct.Select(c => c ? 1.0 : 0.0).ToArray();
        var (knotX, knotY, blocks) = Fit(confidence, target);
        var parameters = new Dictionary<string, double> { ["blocks"] = blocks };
        if (knotY.Length > 0)
        {
            parameters["min_value"] = knotY[0];
            parameters["max_value"] = knotY[^1];
        }

        return new Fitted(knotX, knotY, parameters);
    }

    /// <summary>Pool-adjacent-violators on (x, y) with equal weights; returns the interpolation knots.</summary>
    internal static (double[] X, double[] Y, int Blocks) Fit(double[] x, double[] y)
    {
        var order = Enumerable.Range(0, x.Length).OrderBy(i => x[i]).ToArray();
        var sums = new List<double>();
        var weights = new List<double>();
        var first = new List<double>();
        var last = new List<double>();
        for (var start = 0; start < order.Length;)
        {
            // Equal x values must share one fitted value: all of them form one block before any pooling. (Adding them
            // one at a time let the first of them pool with a lower x of equal mean and pull the rest into that block.)
            var value = x[order[start]];
            var (sum, count) = (0.0, 0);
            for (; start < order.Length && x[order[start]] == value; start++)
            {
                sum += y[order[start]];
                count++;
            }

            sums.Add(sum);
            weights.Add(count);
            first.Add(value);
            last.Add(value);
            while (sums.Count > 1 && sums[^2] / weights[^2] >= sums[^1] / weights[^1])
            {
                sums[^2] += sums[^1];
                weights[^2] += weights[^1];
                last[^2] = last[^1];
                sums.RemoveAt(sums.Count - 1);
                weights.RemoveAt(weights.Count - 1);
                first.RemoveAt(first.Count - 1);
                last.RemoveAt(last.Count - 1);
            }
        }

        var knotX = new List<double>();
        var knotY = new List<double>();
        for (var b = 0; b < sums.Count; b++)
        {
            var value = sums[b] / weights[b];
            knotX.Add(first[b]);
            knotY.Add(value);
            if (last[b] > first[b])
            {
                knotX.Add(last[b]);
                knotY.Add(value);
            }
        }

        return (knotX.ToArray(), knotY.ToArray(), sums.Count);
    }

    /// <summary>Piecewise-linear interpolation through the knots, constant beyond the ends.</summary>
    internal static double Interpolate(double[] knotX, double[] knotY, double x)
    {
        if (knotX.Length == 0)
        {
            return x;
        }

        if (x <= knotX[0])
        {
            return knotY[0];
        }

        if (x >= knotX[^1])
        {
            return knotY[^1];
        }

        var index = Array.BinarySearch(knotX, x);
        if (index >= 0)
        {
            return knotY[index];
        }

        var upper = ~index;
        var lower = upper - 1;
        var t = (x - knotX[lower]) / (knotX[upper] - knotX[lower]);
        return knotY[lower] + (t * (knotY[upper] - knotY[lower]));
    }

    private sealed class Fitted(double[] knotX, double[] knotY, IReadOnlyDictionary<string, double> parameters) : IFittedCalibrator
    {
        public IReadOnlyDictionary<string, double> Parameters => parameters;

        public ClassMatrix Apply(ClassMatrix logits) => TopLabel.Apply(logits, row => Interpolate(knotX, knotY, row.Confidence));
    }
}
