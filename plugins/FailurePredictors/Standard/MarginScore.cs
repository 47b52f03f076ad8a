namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary><c>margin</c>: top-1 minus top-2 (calibrated) probability, in [0, 1].</summary>
public sealed class MarginScore : RowScore
{
    /// <inheritdoc />
    protected override double ScoreRow(ReadOnlySpan<float> row) => RowStatistics.Margin(row);
}
