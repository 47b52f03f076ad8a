using EarlyExitBench.Contracts;

namespace EarlyExitBench.Calibrators.Standard;

/// <summary>
/// <c>identity</c>: plain softmax, no fitting. The baseline every calibrator is compared with.
/// Keeps the argmax and the order of samples.
/// </summary>
public sealed class IdentityCalibrator : ICalibrator, IFittedCalibrator, ILogitCalibration
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Parameters { get; } = new Dictionary<string, double>();

    /// <inheritdoc />
    public IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken)
    {
        CalibrationInput.Validate(logits, labels);
        return this;
    }

    /// <inheritdoc />
    public ClassMatrix Apply(ClassMatrix logits) => Probabilities.Softmax(logits);

    /// <inheritdoc />
    public ClassMatrix CalibrateLogits(ClassMatrix logits) => logits;
}
