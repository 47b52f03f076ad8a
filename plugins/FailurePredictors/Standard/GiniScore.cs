namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>
/// <c>gini</c>: Σ_c p_c² of the (calibrated) probabilities, i.e. 1 − Gini impurity, in [1/C, 1].
/// DOCTOR's D_α (Granese et al. 2021) ranks samples by (1 − Σp²)/Σp², a decreasing function of Σp²,
/// so this gives the same order with higher = more likely correct.
/// </summary>
public sealed class GiniScore : RowScore
{
    /// <inheritdoc />
    protected override bool HasExponentialForm => true;

    /// <inheritdoc />
    protected override double ScoreRow(ReadOnlySpan<float> row) => RowStatistics.SumOfSquares(row);

    /// <inheritdoc />
    protected override double ScoreExponentials(ReadOnlySpan<float> logits, ReadOnlySpan<float> exponentials, int argMax, double sum)
        => RowStatistics.SumOfSquares(exponentials) / (sum * sum);
}
