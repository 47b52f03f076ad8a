namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary><c>entropy</c>: Σ p log p, the negative Shannon entropy of the (calibrated) probabilities.</summary>
public sealed class NegativeEntropyScore : RowScore
{
    /// <inheritdoc />
    protected override double ScoreRow(ReadOnlySpan<float> row)
    {
        var sum = 0.0;
        foreach (var p in row)
        {
            if (p > 0)
            {
                sum += p * Math.Log(p);
            }
        }

        return sum;
    }
}
