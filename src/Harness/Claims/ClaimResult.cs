namespace EarlyExitBench.Harness.Claims;

/// <summary>One claim, its verdict, and the numbers behind it.</summary>
/// <param name="Number">1–5, as in docs/CLAIMS.md.</param>
/// <param name="Claim">The claim as stated.</param>
/// <param name="Verdict">The pooled verdict over every group that has the data.</param>
/// <param name="Rule">The rule in one paragraph, with its thresholds.</param>
/// <param name="Statistics">The pooled numbers the verdict rests on.</param>
/// <param name="Groups">The same per group.</param>
/// <param name="Notes">What was missing or left out, and anything else a reader needs to judge the verdict.</param>
public sealed record ClaimResult(
    int Number, string Claim, ClaimVerdict Verdict, string Rule, IReadOnlyList<ClaimStatistic> Statistics, IReadOnlyList<ClaimGroupRow> Groups, IReadOnlyList<string> Notes);
