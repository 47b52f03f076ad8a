using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>One proxy correlation present in both leaderboards of a comparison.</summary>
/// <param name="Group">The group's title.</param>
/// <param name="Proxy">Proxy key (mean over exits, or <c>name@exitK</c>).</param>
/// <param name="A">Its correlation in the first leaderboard.</param>
/// <param name="B">Its correlation in the second.</param>
/// <param name="Moved">The Spearman or the Kendall 95% intervals do not overlap.</param>
public sealed record ProxyChange(string Group, string Proxy, CorrelationResult A, CorrelationResult B, bool Moved);
