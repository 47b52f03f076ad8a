namespace EarlyExitBench.Calibrators.Standard;

/// <summary>Suite options of <c>matrix</c>.</summary>
public sealed class MatrixScalingOptions
{
    /// <summary>
    /// Strength of the penalty on off-diagonal weights and biases, added to the mean validation NLL as
    /// (l2 / C) · (s² · Σ squared off-diagonal weights + Σ squared biases), s² the mean squared logit.
    /// 0 is plain matrix scaling. The default kept a 10-class, 3000-sample fit within 0.005 nats of
    /// temperature scaling on held-out data when the truth was a temperature, while still fitting most
    /// of a real off-diagonal structure (raise it for fewer samples).
    /// </summary>
    public double L2 { get; set; } = 0.3;
}
