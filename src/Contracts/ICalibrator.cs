namespace EarlyExitBench.Contracts;

/// <summary>
/// A calibrator kind: fitted once per exit on validation logits and labels, then maps logits to
/// probabilities. Document whether it keeps each sample's argmax and the order of samples by confidence.
/// </summary>
public interface ICalibrator
{
    /// <summary>Fits on one exit's validation data.</summary>
    /// <param name="logits">Validation logits of this exit.</param>
    /// <param name="labels">Validation labels, one per row of <paramref name="logits"/>.</param>
    /// <param name="cancellationToken">Cancels a long fit.</param>
    /// <returns>The fitted mapping.</returns>
    IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken);
}
