using System.Globalization;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Calibrators.Standard;

/// <summary>
/// <c>vector</c>: softmax(w ⊙ z + b) with a scale and a bias per class, fitted by validation NLL
/// (Guo et al. 2017), starting from the identity so the fit never has a higher validation NLL than
/// plain softmax. Can change a sample's argmax (per-class scales and biases reorder classes) and the
/// order of samples by confidence. Only differences between biases matter; the fit keeps Σ b = 0.
/// Parameters: <c>scale_c</c> and <c>bias_c</c> for each class c.
/// </summary>
public sealed class VectorScalingCalibrator : ICalibrator
{
    private const int MaxIterations = 500;
    private const double GradientTolerance = 1e-7;

    /// <inheritdoc />
    public IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken)
    {
        CalibrationInput.Validate(logits, labels);
        var classes = logits.Columns;
        var parameters = new double[2 * classes];
        Array.Fill(parameters, 1.0, 0, classes);
        var labelArray = labels.ToArray();
        Lbfgs.Minimize(
            (x, gradient) => AffineLogitsCalibration.MeanNll(logits, labelArray, diagonal: true, x, gradient),
            parameters,
            MaxIterations,
            GradientTolerance,
            cancellationToken);

        var weights = parameters[..classes];
        var bias = parameters[classes..];
        var reported = new Dictionary<string, double>();
        for (var c = 0; c < classes; c++)
        {
            reported[string.Create(CultureInfo.InvariantCulture, $"scale_{c}")] = weights[c];
            reported[string.Create(CultureInfo.InvariantCulture, $"bias_{c}")] = bias[c];
        }

        return new AffineLogitsCalibration(weights, bias, diagonal: true, reported);
    }
}
