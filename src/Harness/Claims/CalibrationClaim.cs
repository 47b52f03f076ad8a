namespace EarlyExitBench.Harness.Claims;

/// <summary>Claim 1: calibrating the exits lowers ECE a lot but barely moves, or lowers, the efficiency score.</summary>
internal static class CalibrationClaim
{
    public const string Statement = "Calibrating the exits (e.g. per-exit temperature scaling) lowers ECE a lot but barely moves, or lowers, the efficiency score.";

    private const string Reduction = "relative ECE reduction r (temperature vs identity)";
    private const string Change = "efficiency change Δ (temperature+msp − identity+msp)";

    public static string Rule =>
        FormattableString.Invariant($"Supported when the lower bound of r ≥ {ClaimRules.LargeEceReduction} and the upper bound of Δ ≤ +{ClaimRules.NegligibleEfficiencyGain}; ") +
        FormattableString.Invariant($"not supported when the upper bound of r < {ClaimRules.LargeEceReduction} or the lower bound of Δ > +{ClaimRules.NegligibleEfficiencyGain}; otherwise inconclusive. ") +
        "r = mean over (group, seed) of 1 − ECE(temperature)/ECE(identity), ECE the mean over exits; 95% intervals from a seed bootstrap within groups.";

    public static ClaimResult Evaluate(ClaimsData data, ClaimsOptions options)
    {
        var seed = options.SeedOf(1);
        var (reductions, changes, rows, notes) = (new List<IReadOnlyList<double>>(), new List<IReadOnlyList<double>>(), new List<ClaimGroupRow>(), new List<string>());
        var (eceBefore, eceAfter) = (new List<double>(), new List<double>());
        foreach (var group in data.Groups)
        {
            var (uncalibrated, calibrated) = (group.Find(ClaimRules.Uncalibrated, ClaimRules.Msp), group.Find(ClaimRules.Calibrated, ClaimRules.Msp));
            if (uncalibrated is null || calibrated is null)
            {
                notes.Add($"{group.Name}: no {ClaimRules.Uncalibrated}+{ClaimRules.Msp} or {ClaimRules.Calibrated}+{ClaimRules.Msp} entry; left out");
                continue;
            }

            var r = SeedPairs.Of(calibrated, uncalibrated, RelativeReduction);
            var d = SeedPairs.ScoreDifference(calibrated, uncalibrated);
            reductions.Add(r);
            changes.Add(d);
            eceBefore.AddRange(SeedPairs.Proxy(uncalibrated, "ece"));
            eceAfter.AddRange(SeedPairs.Proxy(calibrated, "ece"));
            var (gr, gd) = (Bootstrap.SeedMean([r], options.Resamples, seed), Bootstrap.SeedMean([d], options.Resamples, seed));
            rows.Add(new ClaimGroupRow(group.Name, ClaimRules.Claim1(gr, gd), Statistics(gr, gd,
                [new ClaimStatistic("ECE identity", SeedPairs.Proxy(uncalibrated, "ece").DefaultIfEmpty(double.NaN).Average()),
                 new ClaimStatistic("ECE temperature", SeedPairs.Proxy(calibrated, "ece").DefaultIfEmpty(double.NaN).Average())])));
        }

        var (pr, pd) = (Bootstrap.SeedMean(reductions, options.Resamples, seed), Bootstrap.SeedMean(changes, options.Resamples, seed));
        if (pr is { HasInterval: false } || pd is { HasInterval: false })
        {
            notes.Add($"some group has fewer than {ClaimRules.MinimumSeeds} seeds: no interval");
        }

        var described = eceBefore.Count > 0
            ? new List<ClaimStatistic> { new("mean ECE identity", eceBefore.Average()), new("mean ECE temperature", eceAfter.DefaultIfEmpty(double.NaN).Average()) }
            : [];
        return new ClaimResult(1, Statement, ClaimRules.Claim1(pr, pd), Rule, Statistics(pr, pd, described), rows, notes);
    }

    private static double? RelativeReduction(SeedData calibrated, SeedData uncalibrated) =>
        SeedPairs.Proxy(uncalibrated, "ece") is { } before && before > 0 && SeedPairs.Proxy(calibrated, "ece") is { } after ? 1 - (after / before) : null;

    private static List<ClaimStatistic> Statistics(Estimate? r, Estimate? d, IEnumerable<ClaimStatistic> extra)
    {
        var list = new List<ClaimStatistic>();
        if (r is not null)
        {
            list.Add(ClaimStatistic.Of(Reduction, r));
        }

        if (d is not null)
        {
            list.Add(ClaimStatistic.Of(Change, d));
        }

        list.AddRange(extra);
        return list;
    }
}
