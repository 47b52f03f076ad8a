namespace EarlyExitBench.Harness.Claims;

/// <summary>A claim's statistics on one group alone, and the verdict its rule would give there.</summary>
/// <param name="Group">"dataset/architecture/recipe".</param>
/// <param name="Verdict">The rule's verdict on this group alone.</param>
/// <param name="Statistics">The numbers.</param>
public sealed record ClaimGroupRow(string Group, ClaimVerdict Verdict, IReadOnlyList<ClaimStatistic> Statistics);
