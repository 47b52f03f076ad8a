namespace EarlyExitBench.Contracts;

/// <summary>
/// A failure-predictor kind: turns an exit's (calibrated) outputs, and earlier exits' if it wishes,
/// into a confidence score per sample; higher means more likely correct.
/// </summary>
public interface IFailurePredictor
{
    /// <summary>Fits on validation outputs (a stateless score returns itself or a fixed scorer).</summary>
    /// <param name="validation">Every exit's validation outputs after calibration.</param>
    /// <param name="labels">Validation labels.</param>
    /// <param name="cancellationToken">Cancels a long fit.</param>
    /// <returns>The fitted scorer.</returns>
    IConfidenceScorer Fit(MultiExitOutputs validation, ReadOnlySpan<int> labels, CancellationToken cancellationToken);
}
