namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary><c>msp</c>: the largest (calibrated) class probability (Hendrycks &amp; Gimpel 2017).</summary>
public sealed class MaxSoftmaxScore : RowScore
{
    /// <inheritdoc />
    protected override double ScoreRow(ReadOnlySpan<float> row)
    {
        var max = double.NegativeInfinity;
        foreach (var p in row)
        {
            max = Math.Max(max, p);
        }

        return max;
    }
}
