namespace EarlyExitBench.Calibrators.Standard;

/// <summary>Suite options of <c>platt</c>.</summary>
public sealed class PlattOptions
{
    /// <summary>Feature x of p = σ(a·x + b): <c>log_odds</c> (log(p₁ / (1 − p₁)) of the max-softmax p₁) or <c>max_logit</c>.</summary>
    public string Input { get; set; } = PlattCalibrator.LogOdds;
}
