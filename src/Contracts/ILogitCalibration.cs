namespace EarlyExitBench.Contracts;

/// <summary>
/// Implemented by a fitted calibrator of the form softmax(g(z)) (identity, temperature, vector and matrix scaling). The
/// harness then computes probabilities, confidences and scores from the calibrated logits g(z) in double precision, so
/// very confident samples do not all round to a probability of 1.0f and tie; and it never has to store the probabilities.
/// </summary>
public interface ILogitCalibration
{
    /// <summary>The calibrated logits g(z): their row-wise softmax is what <see cref="IFittedCalibrator.Apply"/> returns.</summary>
    /// <param name="logits">Logits of the exit the calibrator was fitted on.</param>
    /// <returns>A matrix of the same shape; <paramref name="logits"/> itself when g is the identity.</returns>
    ClassMatrix CalibrateLogits(ClassMatrix logits);
}
