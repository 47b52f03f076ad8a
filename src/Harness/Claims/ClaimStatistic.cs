namespace EarlyExitBench.Harness.Claims;

/// <summary>A named number behind a verdict, with its interval when it has one.</summary>
/// <param name="Name">What it is, e.g. "efficiency change (temperature+msp − identity+msp)".</param>
/// <param name="Value">The value.</param>
/// <param name="Low">Lower bound of its interval, or null.</param>
/// <param name="High">Upper bound of its interval, or null.</param>
public sealed record ClaimStatistic(string Name, double Value, double? Low = null, double? High = null)
{
    /// <summary>A statistic from an estimate.</summary>
    public static ClaimStatistic Of(string name, Estimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return new ClaimStatistic(name, estimate.Value, estimate.Low, estimate.High);
    }
}
