namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary><c>max-logit</c> (formerly <c>max_logit</c>): the largest raw logit (Hendrycks et al. 2022); ignores the calibrator.</summary>
public sealed class MaxLogitScore : RowScore
{
    /// <inheritdoc />
    protected override bool UsesLogits => true;

    /// <inheritdoc />
    protected override double ScoreRow(ReadOnlySpan<float> row) => RowStatistics.Max(row);
}
