namespace EarlyExitBench.Calibrators.Standard;

/// <summary>Suite options of <c>matrix</c>.</summary>
public sealed class MatrixScalingOptions
{
    /// <summary>
    /// Strength of the penalty on off-diagonal weights and biases, added to the mean validation NLL as
    /// l2 · (mean of squared off-diagonal weights + mean of squared biases). 0 is plain matrix scaling.
    /// </summary>
    public double L2 { get; set; } = 0.1;
}
