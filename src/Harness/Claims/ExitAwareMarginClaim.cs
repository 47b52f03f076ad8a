namespace EarlyExitBench.Harness.Claims;

/// <summary>Claim 5 under rules v2: the exit-aware score beats temperature scaling by more than the equivalence margin.</summary>
internal static class ExitAwareMarginClaim
{
    private static readonly string ExitAware = $"{ClaimRules.Uncalibrated}+{ClaimRules.ExitAware}";
    private static readonly string Calibrated = $"{ClaimRules.Calibrated}+{ClaimRules.Msp}";

    public static string Rule =>
        FormattableString.Invariant($"Δ = mean over (group, seed) of e({ExitAware}) − e({Calibrated}), two-level interval. Supported when the lower bound of Δ > +{ClaimRulesV2.SuperiorityMargin} ") +
        FormattableString.Invariant($"(20 test images in 10,000, claim 1's margin: a gain must be more than what claim 1 calls nil); not supported when the upper bound < +{ClaimRulesV2.SuperiorityMargin}; otherwise inconclusive. Same rule per group.");

    public static ClaimResult Evaluate(ClaimsData data, ClaimsOptions options)
    {
        var two = V2Support.Options(options, 5);
        var n = V2Support.TestSamples(data);
        var (notes, rows, all) = (new List<string>(), new List<ClaimGroupRow>(), new List<List<SeedValue>>());
        var pairs = new List<(EntryData, EntryData)>();
        foreach (var group in data.Groups)
        {
            if (group.Find(ClaimRules.Uncalibrated, ClaimRules.ExitAware) is not { } exitAware || group.Find(ClaimRules.Calibrated, ClaimRules.Msp) is not { } calibrated)
            {
                notes.Add($"{group.Name}: no {ExitAware} or {Calibrated} entry; left out");
                continue;
            }

            var d = V2Support.Difference(exitAware, calibrated);
            all.Add(d);
            var estimate = V2Support.Mean([d], two);
            pairs.Add((exitAware, calibrated));
            var groupStatistics = estimate is null ? new List<ClaimStatistic>() : [ClaimStatistic.Of("Δ", estimate), V2Support.Images("Δ", estimate, V2Support.TestSamples(group))];
            groupStatistics.AddRange(V2Support.Deployable("Δ", exitAware, calibrated, two, V2Support.TestSamples(group)));

            rows.Add(new ClaimGroupRow(group.Name, ClaimRulesV2.Claim5(estimate), groupStatistics));
        }

        var pooled = V2Support.Mean(all, two);
        var statistics = pooled is null ? new List<ClaimStatistic>() : [ClaimStatistic.Of($"Δ = e({ExitAware}) − e({Calibrated})", pooled), V2Support.Images("Δ", pooled, n)];
        statistics.AddRange(V2Support.Deployable("Δ", pairs, two, n));

        if (V2Support.DeployableMissing(data) is { } missing)
        {
            notes.Add(missing);
        }

        statistics.Add(new ClaimStatistic("groups supported", rows.Count(r => r.Verdict == ClaimVerdict.Supported)));
        statistics.Add(new ClaimStatistic("groups not supported", rows.Count(r => r.Verdict == ClaimVerdict.NotSupported)));
        statistics.Add(new ClaimStatistic("groups inconclusive", rows.Count(r => r.Verdict == ClaimVerdict.Inconclusive)));
        return new ClaimResult(5, ExitAwareClaim.Statement, ClaimRulesV2.Claim5(pooled), Rule, statistics, rows, notes);
    }
}
