using EarlyExitBench.Contracts;

namespace EarlyExitBench.Calibrators.Standard;

/// <summary>
/// <c>temperature</c>: softmax(z / T) with the single T &gt; 0 that minimises validation NLL
/// (Guo et al. 2017). Keeps each sample's argmax; does NOT keep the order of samples by max-softmax,
/// since rescaling logits can swap two samples' confidences.
/// </summary>
public sealed class TemperatureCalibrator : ICalibrator
{
    // NLL is convex in β = 1/T, so its derivative is monotone and bisection on log β finds the optimum.
    private const double MinLogBeta = -9.21; // T ≤ 1e4
    private const double MaxLogBeta = 9.21;  // T ≥ 1e-4
    private const int Iterations = 80;

    /// <inheritdoc />
    public IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken)
    {
        CalibrationInput.Validate(logits, labels);

        var (lo, hi) = (MinLogBeta, MaxLogBeta);
        var probs = new double[logits.Columns];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var mid = 0.5 * (lo + hi);
            if (NllDerivative(logits, labels, Math.Exp(mid), probs) > 0)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return new Fitted(1.0 / Math.Exp(0.5 * (lo + hi)));
    }

    /// <summary>d NLL / d β = mean over samples of (E_p[z] − z_y), with p = softmax(β z).</summary>
    internal static double NllDerivative(ClassMatrix logits, ReadOnlySpan<int> labels, double beta, double[] probs)
    {
        var total = 0.0;
        for (var i = 0; i < logits.Rows; i++)
        {
            var row = logits.Row(i);
            Probabilities.SoftmaxRow(row, beta, probs);
            var expected = 0.0;
            for (var c = 0; c < row.Length; c++)
            {
                expected += probs[c] * row[c];
            }

            total += expected - row[labels[i]];
        }

        return total / Math.Max(1, logits.Rows);
    }

    private sealed class Fitted(double temperature) : IFittedCalibrator
    {
        public IReadOnlyDictionary<string, double> Parameters { get; } = new Dictionary<string, double> { ["temperature"] = temperature };

        public ClassMatrix Apply(ClassMatrix logits) => Probabilities.Softmax(logits, temperature);
    }
}
