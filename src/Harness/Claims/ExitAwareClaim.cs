namespace EarlyExitBench.Harness.Claims;

/// <summary>Claim 5: a score trained for exit-aware failure prediction beats calibration on efficiency.</summary>
internal static class ExitAwareClaim
{
    public const string Statement = "A score trained for exit-aware failure prediction beats calibration on efficiency.";

    private static readonly string ExitAware = $"{ClaimRules.Uncalibrated}+{ClaimRules.ExitAware}";
    private static readonly string Calibrated = $"{ClaimRules.Calibrated}+{ClaimRules.Msp}";
    private static readonly string Uncalibrated = $"{ClaimRules.Uncalibrated}+{ClaimRules.Msp}";

    public static string Rule =>
        FormattableString.Invariant($"Δ = mean over (group, seed) of e({ExitAware}) − e({Calibrated}), 95% seed bootstrap within groups. ") +
        "Supported when the lower bound of Δ > 0; not supported when the upper bound of Δ < 0; otherwise inconclusive.";

    public static ClaimResult Evaluate(ClaimsData data, ClaimsOptions options)
    {
        var seed = options.SeedOf(5);
        var (notes, rows) = (new List<string>(), new List<ClaimGroupRow>());
        var (overCalibrated, overUncalibrated) = (new List<IReadOnlyList<double>>(), new List<IReadOnlyList<double>>());
        foreach (var group in data.Groups)
        {
            var exitAware = group.Find(ClaimRules.Uncalibrated, ClaimRules.ExitAware);
            var calibrated = group.Find(ClaimRules.Calibrated, ClaimRules.Msp);
            var uncalibrated = group.Find(ClaimRules.Uncalibrated, ClaimRules.Msp);
            if (exitAware is null || calibrated is null)
            {
                notes.Add($"{group.Name}: no {ExitAware} or {Calibrated} entry; left out");
                continue;
            }

            var d = SeedPairs.ScoreDifference(exitAware, calibrated);
            overCalibrated.Add(d);
            var statistics = new List<ClaimStatistic>();
            var estimate = Bootstrap.SeedMean([d], options.Resamples, seed);
            if (estimate is not null)
            {
                statistics.Add(ClaimStatistic.Of($"Δ vs {Calibrated}", estimate));
            }

            if (uncalibrated is not null)
            {
                var u = SeedPairs.ScoreDifference(exitAware, uncalibrated);
                overUncalibrated.Add(u);
                if (Bootstrap.SeedMean([u], options.Resamples, seed) is { } vsUncalibrated)
                {
                    statistics.Add(ClaimStatistic.Of($"Δ vs {Uncalibrated}", vsUncalibrated));
                }
            }

            foreach (var entry in new[] { exitAware, calibrated, uncalibrated }.OfType<EntryData>())
            {
                statistics.Add(new ClaimStatistic($"rank of {entry.Method}", entry.Rank));
                statistics.Add(new ClaimStatistic($"efficiency of {entry.Method}", entry.Efficiency.Score, entry.Efficiency.ScoreCi?[0], entry.Efficiency.ScoreCi?[1]));
            }

            statistics.Add(new ClaimStatistic("methods in the group", group.GlobalThreshold.Count()));
            rows.Add(new ClaimGroupRow(group.Name, ClaimRules.Claim5(estimate), statistics));
        }

        var pooled = Bootstrap.SeedMean(overCalibrated, options.Resamples, seed);
        var pooledStatistics = new List<ClaimStatistic>();
        if (pooled is not null)
        {
            pooledStatistics.Add(ClaimStatistic.Of($"Δ = e({ExitAware}) − e({Calibrated})", pooled));
        }

        if (Bootstrap.SeedMean(overUncalibrated, options.Resamples, seed) is { } other)
        {
            pooledStatistics.Add(ClaimStatistic.Of($"e({ExitAware}) − e({Uncalibrated}) (not part of the rule)", other));
        }

        return new ClaimResult(5, Statement, ClaimRules.Claim5(pooled), Rule, pooledStatistics, rows, notes);
    }
}
