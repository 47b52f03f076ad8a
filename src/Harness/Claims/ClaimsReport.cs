namespace EarlyExitBench.Harness.Claims;

/// <summary>Every claim's verdict on one leaderboard.</summary>
/// <param name="Leaderboard">The leaderboard read.</param>
/// <param name="Groups">Its groups, "dataset/architecture/recipe".</param>
/// <param name="Resamples">Bootstrap resamples per interval.</param>
/// <param name="BootstrapSeed">Seed of the bootstraps.</param>
/// <param name="Claims">Claims 1–5.</param>
/// <param name="ProxyCorrelation">Per group, the leaderboard's seed-averaged proxy correlations (mean-over-exit proxies only).</param>
public sealed record ClaimsReport(
    string Leaderboard, IReadOnlyList<string> Groups, int Resamples, int BootstrapSeed, IReadOnlyList<ClaimResult> Claims,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, Results.CorrelationResult>> ProxyCorrelation)
{
    /// <summary>Where the rules are written down in words.</summary>
    public string Rules => RulesVersion == ClaimsOptions.V1 ? "docs/CLAIMS.md" : "docs/CLAIMS.md, Rules v2";

    /// <summary>Which rules gave the verdicts: "v1" or "v2".</summary>
    public string RulesVersion { get; init; } = ClaimsOptions.V1;
}
