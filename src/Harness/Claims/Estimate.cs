namespace EarlyExitBench.Harness.Claims;

/// <summary>A statistic with its bootstrap percentile interval.</summary>
/// <param name="Value">The statistic on the data as observed.</param>
/// <param name="Low">Lower bound of the interval; null when no interval can be formed (too few seeds or points).</param>
/// <param name="High">Upper bound of the interval; null when no interval can be formed.</param>
public sealed record Estimate(double Value, double? Low, double? High)
{
    /// <summary>Whether both bounds exist.</summary>
    public bool HasInterval => Low.HasValue && High.HasValue;
}
