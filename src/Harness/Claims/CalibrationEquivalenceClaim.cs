namespace EarlyExitBench.Harness.Claims;

/// <summary>Claim 1 under rules v2: ECE at least halved, and the efficiency change equivalent to 0 within ±20 test images in 10,000.</summary>
internal static class CalibrationEquivalenceClaim
{
    private const string Change = "efficiency change Δ (temperature+msp − identity+msp)";
    private const string Reduction = "relative ECE reduction r (temperature vs identity)";

    public static string Rule =>
        FormattableString.Invariant($"Equivalence: supported when the lower bound of r ≥ {ClaimRules.LargeEceReduction} and Δ's 95% interval lies within ±{ClaimRulesV2.EquivalenceMargin} (20 test images in 10,000); ") +
        FormattableString.Invariant($"not supported when the upper bound of r < {ClaimRules.LargeEceReduction} or Δ's interval lies wholly outside ±{ClaimRulesV2.EquivalenceMargin}; otherwise inconclusive. ") +
        "Intervals: two-level (seeds within groups × shared test resamples, paired), components t interval. A Δ whose interval excludes 0 is reported as a gain or a loss even when it is within the margin.";

    public static ClaimResult Evaluate(ClaimsData data, ClaimsOptions options)
    {
        var two = V2Support.Options(options, 1);
        var n = V2Support.TestSamples(data);
        var (reductions, changes, rows, notes) = (new List<List<SeedValue>>(), new List<List<SeedValue>>(), new List<ClaimGroupRow>(), new List<string>());
        var pairs = new List<(EntryData, EntryData)>();
        foreach (var group in data.Groups)
        {
            var (uncalibrated, calibrated) = (group.Find(ClaimRules.Uncalibrated, ClaimRules.Msp), group.Find(ClaimRules.Calibrated, ClaimRules.Msp));
            if (uncalibrated is null || calibrated is null)
            {
                notes.Add($"{group.Name}: no {ClaimRules.Uncalibrated}+{ClaimRules.Msp} or {ClaimRules.Calibrated}+{ClaimRules.Msp} entry; left out");
                continue;
            }

            var r = V2Support.Plain(SeedPairs.Of(calibrated, uncalibrated, (a, b) =>
                SeedPairs.Proxy(b, "ece") is { } before && before > 0 && SeedPairs.Proxy(a, "ece") is { } after ? 1 - (after / before) : null));
            var d = V2Support.Difference(calibrated, uncalibrated);
            reductions.Add(r);
            changes.Add(d);
            var (gr, gd) = (V2Support.Mean([r], two), V2Support.Mean([d], two));
            pairs.Add((calibrated, uncalibrated));
            var groupStatistics = Statistics(gr, gd, V2Support.TestSamples(group));
            groupStatistics.AddRange(V2Support.Deployable("Δ", calibrated, uncalibrated, two, V2Support.TestSamples(group)));

            rows.Add(new ClaimGroupRow(group.Name, ClaimRulesV2.Claim1(gr, gd), groupStatistics));
        }

        var (pr, pd) = (V2Support.Mean(reductions, two), V2Support.Mean(changes, two));
        if (changes.Any(c => c.Any(v => v.Replicates is null)))
        {
            notes.Add("some seeds have no efficiency replicates: their intervals hold seed noise only");
        }

        var statistics = Statistics(pr, pd, n);
        statistics.AddRange(V2Support.Deployable("Δ", pairs, two, n));

        if (V2Support.DeployableMissing(data) is { } missing)
        {
            notes.Add(missing);
        }

        return new ClaimResult(1, CalibrationClaim.Statement, ClaimRulesV2.Claim1(pr, pd), Rule, statistics, rows, notes);
    }

    private static List<ClaimStatistic> Statistics(Estimate? r, Estimate? d, int? n)
    {
        var statistics = new List<ClaimStatistic>();
        if (d is not null)
        {
            statistics.Add(ClaimStatistic.Of(Change, d));
            statistics.Add(V2Support.Images("Δ", d, n));
            statistics.Add(new ClaimStatistic("Δ's interval excludes 0 (a gain or a loss, however small)", d is { Low: > 0 } or { High: < 0 } ? 1 : 0));
        }

        if (r is not null)
        {
            statistics.Insert(Math.Min(2, statistics.Count), ClaimStatistic.Of(Reduction, r));
        }

        return statistics;
    }
}
