using EarlyExitBench.Contracts;

namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>
/// <c>consistency</c> (formerly <c>patience</c>, the name the exit policy keeps): consistency across exits (after PABEE, Zhou et al. 2020). At exit k the score is
/// n + 0.5·msp_k, where n ≥ 1 counts the consecutive exits k, k−1, … whose predicted class (argmax of
/// the calibrated probabilities, first index on ties) equals exit k's, and msp_k is exit k's max
/// probability. msp_k ≤ 1 adds at most 0.5, so it only breaks ties between samples with the same n.
/// Reads exits 0..k only.
/// </summary>
public sealed class PatienceScore : IFailurePredictor, IConfidenceScorer
{
    /// <summary>Weight of the max probability; below 1 so it never outweighs one more agreeing exit.</summary>
    public const double TieBreakWeight = 0.5;

    /// <inheritdoc />
    public IConfidenceScorer Fit(MultiExitOutputs validation, ReadOnlySpan<int> labels, CancellationToken cancellationToken) => this;

    /// <inheritdoc />
    public double[] Score(MultiExitOutputs outputs, int exit)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentOutOfRangeException.ThrowIfNegative(exit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(exit, outputs.Probabilities.Count);
        var current = outputs.Probabilities[exit];
        var predictions = Agreement.Predictions(outputs, exit);
        var scores = new double[current.Rows];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = 1 + Agreement.EarlierStreak(predictions, exit, i) + (TieBreakWeight * RowStatistics.Max(current.Row(i)));
        }

        return scores;
    }
}
