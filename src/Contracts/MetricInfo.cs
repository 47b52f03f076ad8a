namespace EarlyExitBench.Contracts;

/// <summary>What the host and readers need to know about a metric besides its alias and one-line description.</summary>
/// <param name="Direction">Which values are better.</param>
/// <param name="Citation">Where its definition comes from: a paper or URL, and the convention when there are several.</param>
public sealed record MetricInfo(MetricDirection Direction, string Citation)
{
    /// <summary>The smallest value it can take, if bounded (the leaderboard schema checks it).</summary>
    public double? Minimum { get; init; }

    /// <summary>The largest value it can take, if bounded.</summary>
    public double? Maximum { get; init; }

    /// <summary>Whether it can be undefined (null) at some exit.</summary>
    public bool MayBeUndefined { get; init; }

    /// <summary>Whether it is a proxy whose rank correlation with efficiency is reported (accuracy, say, is not).</summary>
    public bool IsProxy { get; init; } = true;

    /// <summary>What it measures (calibration, failure prediction or other); readers group proxies by it.</summary>
    public MetricFamily Family { get; init; }
}
