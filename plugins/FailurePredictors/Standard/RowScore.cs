using EarlyExitBench.Contracts;

namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>
/// A stateless score computed from one row of an exit's probabilities or logits. A score of the probabilities that
/// overrides <see cref="ScoreExponentials"/> is computed in double precision from the calibrated logits whenever the
/// calibrator provides them, so confident samples do not tie at a probability of 1.0f.
/// </summary>
public abstract class RowScore : IFailurePredictor, IConfidenceScorer
{
    /// <summary>Whether <see cref="ScoreRow"/> reads logits rather than probabilities.</summary>
    protected virtual bool UsesLogits => false;

    /// <summary>Whether <see cref="ScoreExponentials"/> is implemented.</summary>
    protected virtual bool HasExponentialForm => false;

    /// <inheritdoc />
    public IConfidenceScorer Fit(MultiExitOutputs validation, ReadOnlySpan<int> labels, CancellationToken cancellationToken) => this;

    /// <inheritdoc />
    public virtual double[] Score(MultiExitOutputs outputs, int exit)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (!UsesLogits && HasExponentialForm && outputs.CalibratedLogits is { } calibrated)
        {
            var logits = calibrated[exit];
            var exponentials = new float[logits.Columns];
            var result = new double[logits.Rows];
            for (var i = 0; i < result.Length; i++)
            {
                var row = logits.Row(i);
                var sum = Probabilities.ShiftedExponentials(row, exponentials, out var argMax);
                result[i] = ScoreExponentials(row, exponentials, argMax, sum);
            }

            return result;
        }

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

    /// <summary>
    /// The same confidence from calibrated logits z: p_c = e_c / S with e_c = exp(z_c − max z) and S = Σ e_c
    /// (see <see cref="Probabilities.ShiftedExponentials"/>).
    /// </summary>
    /// <param name="logits">Calibrated logits of the sample.</param>
    /// <param name="exponentials">e_c; e at <paramref name="argMax"/> is 1.</param>
    /// <param name="argMax">Index of the largest logit.</param>
    /// <param name="sum">S ≥ 1.</param>
    /// <returns>The score.</returns>
    protected virtual double ScoreExponentials(ReadOnlySpan<float> logits, ReadOnlySpan<float> exponentials, int argMax, double sum)
        => throw new NotSupportedException();
}
