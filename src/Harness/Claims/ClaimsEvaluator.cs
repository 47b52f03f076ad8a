namespace EarlyExitBench.Harness.Claims;

/// <summary>Evaluates the paper's five claims on a leaderboard under <see cref="ClaimRules"/>.</summary>
public static class ClaimsEvaluator
{
    /// <summary>Every claim's verdict with the numbers behind it.</summary>
    public static ClaimsReport Evaluate(ClaimsData data, ClaimsOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Resamples);
        if (options.Rules is not (ClaimsOptions.V1 or ClaimsOptions.V2))
        {
            throw new ArgumentException($"rules '{options.Rules}': expected {ClaimsOptions.V1} or {ClaimsOptions.V2}", nameof(options));
        }

        var claims = options.Rules == ClaimsOptions.V2 ? ClaimsV2.Evaluate(data, options) : new List<ClaimResult>
        {
            CalibrationClaim.Evaluate(data, options),
            ReorderingClaim.Evaluate(data, options),
            LessCalibratedWinsClaim.Evaluate(data, options),
            ProxyStrengthClaim.Evaluate(data, options),
            ExitAwareClaim.Evaluate(data, options),
        };
        var correlations = data.Groups
            .Where(g => g.ProxyCorrelation is not null)
            .GroupBy(g => g.Name)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, Results.CorrelationResult>)new SortedDictionary<string, Results.CorrelationResult>(
                    g.First().ProxyCorrelation!.Where(p => !p.Key.Contains('@', StringComparison.Ordinal)).ToDictionary(), StringComparer.Ordinal));
        return new ClaimsReport(data.Source, data.Groups.Select(g => g.Name).ToList(), options.Resamples, options.Seed, claims, correlations) { RulesVersion = options.Rules };
    }
}
