namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>Suite options of <c>learned</c>.</summary>
public sealed class LearnedScoreOptions
{
    /// <summary>L2 penalty on the standardised feature weights, added to the mean log-loss as (l2/2)·‖w‖².</summary>
    public double L2 { get; set; } = 0.01;
}
