using EarlyExitBench.Contracts;

namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>A stateless score computed from one row of an exit's probabilities or logits.</summary>
public abstract class RowScore : IFailurePredictor, IConfidenceScorer
{
    /// <summary>Whether <see cref="ScoreRow"/> reads logits rather than probabilities.</summary>
    protected virtual bool UsesLogits => false;

    /// <inheritdoc />
    public IConfidenceScorer Fit(MultiExitOutputs validation, ReadOnlySpan<int> labels, CancellationToken cancellationToken) => this;

    /// <inheritdoc />
    public double[] Score(MultiExitOutputs outputs, int exit)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var matrix = UsesLogits ? outputs.Logits[exit] : outputs.Probabilities[exit];
        var scores = new double[matrix.Rows];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = ScoreRow(matrix.Row(i));
        }

        return scores;
    }

    /// <summary>Confidence of one sample; higher means more likely correct.</summary>
    protected abstract double ScoreRow(ReadOnlySpan<float> row);
}
