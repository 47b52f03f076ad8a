using EarlyExitBench.Contracts;

namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>
/// <c>msp</c>: the largest (calibrated) class probability (Hendrycks &amp; Gimpel 2017); 1 / S from calibrated logits, so
/// it agrees bit for bit with the harness's confidence, which it reuses when the host offers it.
/// </summary>
public sealed class MaxSoftmaxScore : RowScore
{
    /// <inheritdoc />
    public override double[] Score(MultiExitOutputs outputs, int exit)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        return outputs.MaxProbabilities is { } max ? max[exit].ToArray() : base.Score(outputs, exit);
    }

    /// <inheritdoc />
    protected override bool HasExponentialForm => true;

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

    /// <inheritdoc />
    protected override double ScoreExponentials(ReadOnlySpan<float> logits, ReadOnlySpan<float> exponentials, int argMax, double sum) => 1.0 / sum;
}
