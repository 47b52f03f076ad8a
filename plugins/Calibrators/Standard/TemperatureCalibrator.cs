using EarlyExitBench.Contracts;

namespace EarlyExitBench.Calibrators.Standard;

/// <summary>
/// <c>temperature</c>: softmax(z / T) with the single T &gt; 0 that minimises validation NLL
/// (Guo et al. 2017). Keeps each sample's argmax; does NOT keep the order of samples by max-softmax,
/// since rescaling logits can swap two samples' confidences.
/// </summary>
public sealed class TemperatureCalibrator : ICalibrator
{
    // NLL is convex in β = 1/T: its derivative is monotone, so Newton steps kept inside a shrinking
    // bracket (bisection in log β when a step leaves it) converge in a handful of passes over the data.
    private const double MinBeta = 1e-4;  // T ≤ 1e4
    private const double MaxBeta = 1e4;   // T ≥ 1e-4
    private const int MaxIterations = 100;

    /// <inheritdoc />
    public IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken)
    {
        CalibrationInput.Validate(logits, labels);

        var (lo, hi) = (MinBeta, MaxBeta);
        var probs = new double[logits.Columns];
        var beta = 1.0;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (gradient, curvature) = NllDerivatives(logits, labels, beta, probs);
            if (gradient > 0)
            {
                hi = beta;
            }
            else
            {
                lo = beta;
            }

            if (Math.Abs(gradient) < 1e-12 || hi / lo < 1 + 1e-12)
            {
                break;
            }

            var next = curvature > 0 ? beta - (gradient / curvature) : double.NaN;
            beta = next > lo && next < hi ? next : Math.Sqrt(lo * hi);
        }

        return new Fitted(1.0 / Math.Clamp(beta, MinBeta, MaxBeta));
    }

    /// <summary>d NLL / d β = mean (E_p[z] − z_y) and d² NLL / d β² = mean Var_p[z], with p = softmax(β z).</summary>
    internal static (double Gradient, double Curvature) NllDerivatives(ClassMatrix logits, ReadOnlySpan<int> labels, double beta, double[] probs)
    {
        double gradient = 0, curvature = 0;
        for (var i = 0; i < logits.Rows; i++)
        {
            var row = logits.Row(i);
            Probabilities.SoftmaxRow(row, beta, probs);
            double mean = 0, square = 0;
            for (var c = 0; c < row.Length; c++)
            {
                mean += probs[c] * row[c];
                square += probs[c] * row[c] * row[c];
            }

            gradient += mean - row[labels[i]];
            curvature += Math.Max(0, square - (mean * mean));
        }

        var n = Math.Max(1, logits.Rows);
        return (gradient / n, curvature / n);
    }

    private sealed class Fitted(double temperature) : IFittedCalibrator, ILogitCalibration
    {
        public IReadOnlyDictionary<string, double> Parameters { get; } = new Dictionary<string, double> { ["temperature"] = temperature };

        public ClassMatrix Apply(ClassMatrix logits) => Probabilities.Softmax(logits, temperature);

        public ClassMatrix CalibrateLogits(ClassMatrix logits)
        {
            ArgumentNullException.ThrowIfNull(logits);
            var scaled = new float[logits.Values.Length];
            var scale = 1.0 / temperature;
            var values = logits.Values;
            for (var i = 0; i < scaled.Length; i++)
            {
                scaled[i] = (float)(scale * values[i]);
            }

            return new ClassMatrix(scaled, logits.Rows, logits.Columns);
        }
    }
}
