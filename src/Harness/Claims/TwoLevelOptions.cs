namespace EarlyExitBench.Harness.Claims;

/// <summary>Settings of a <see cref="TwoLevelBootstrap"/> interval.</summary>
/// <param name="Resamples">Seed resamples.</param>
/// <param name="Seed">Seed of <see cref="Random"/>.</param>
/// <param name="Confidence">Coverage, e.g. 0.95.</param>
/// <param name="Correlation">Whether the statistic is a correlation: the components interval is then formed on Fisher's z = atanh(r) and mapped back.</param>
public sealed record TwoLevelOptions(int Resamples, int Seed, double Confidence = ClaimRules.Confidence, bool Correlation = false)
{
    /// <summary>To the scale the interval is formed on.</summary>
    public double Forward(double value) => Correlation ? Math.Atanh(Math.Clamp(value, -0.999999, 0.999999)) : value;

    /// <summary>Back from it.</summary>
    public double Backward(double value) => Correlation ? Math.Tanh(value) : value;
}
