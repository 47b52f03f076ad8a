namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>Suite options of <c>learned</c> and <c>exit-aware</c>.</summary>
public sealed class LearnedScoreOptions
{
    /// <summary>L2 penalty on the standardised feature weights, added to the mean log-loss as (l2/2)·‖w‖².</summary>
    public double L2 { get; set; } = 0.01;

    /// <summary>The penalty of <paramref name="options"/>, checked.</summary>
    internal static double CheckedL2(LearnedScoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.L2 >= 0) || double.IsInfinity(options.L2))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.L2, "l2 must be a finite number ≥ 0.");
        }

        return options.L2;
    }
}
