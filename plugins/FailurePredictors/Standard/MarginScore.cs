namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary><c>margin</c>: top-1 minus top-2 (calibrated) probability, in [0, 1].</summary>
public sealed class MarginScore : RowScore
{
    /// <inheritdoc />
    protected override bool HasExponentialForm => true;

    /// <inheritdoc />
    protected override double ScoreRow(ReadOnlySpan<float> row) => RowStatistics.Margin(row);

    /// <inheritdoc />
    protected override double ScoreExponentials(ReadOnlySpan<float> logits, ReadOnlySpan<float> exponentials, int argMax, double sum)
    {
        // e at the argmax is 1, so the margin is (1 − second largest e) / S; one class has no runner-up.
        double second = 0;
        for (var c = 0; c < exponentials.Length; c++)
        {
            if (c != argMax)
            {
                second = Math.Max(second, exponentials[c]);
            }
        }

        return exponentials.Length == 1 ? 0.0 : (1.0 - second) / sum;
    }
}
