namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary><c>entropy</c>: Σ p log p, the negative Shannon entropy of the (calibrated) probabilities.</summary>
public sealed class NegativeEntropyScore : RowScore
{
    /// <inheritdoc />
    protected override bool HasExponentialForm => true;

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

    /// <inheritdoc />
    protected override double ScoreExponentials(ReadOnlySpan<float> logits, ReadOnlySpan<float> exponentials, int argMax, double sum)
    {
        // Σ p log p with log p_c = (z_c − max z) − log S: (1/S) Σ e_c (z_c − max z) − log S, no 0·log 0 to special-case.
        var max = logits[argMax];
        var weighted = 0.0;
        for (var c = 0; c < logits.Length; c++)
        {
            weighted += exponentials[c] * ((double)logits[c] - max);
        }

        return (weighted / sum) - Math.Log(sum);
    }
}
