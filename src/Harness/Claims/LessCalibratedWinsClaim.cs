namespace EarlyExitBench.Harness.Claims;

/// <summary>Claim 3: there are cases where a less calibrated set of exits beats a calibrated one on efficiency.</summary>
internal static class LessCalibratedWinsClaim
{
    public const string Statement = "There are cases where a less calibrated set of exits beats a calibrated one on efficiency.";

    /// <summary>How many winning candidates are listed by name.</summary>
    private const int Listed = 10;

    public static string Rule =>
        FormattableString.Invariant($"Reference: {ClaimRules.Calibrated}+{ClaimRules.Msp} in each group. Candidates: entries whose calibrator is not {ClaimRules.Calibrated} and whose ECE exceeds the reference's ") +
        "with a 95% seed-bootstrap lower bound > 0. A candidate beats the reference when the lower bound of its mean per-seed efficiency advantage is > 0 at the " +
        "Bonferroni level 1 − 0.05/m (m = candidates in all groups). Supported when some candidate beats it; not supported when no candidate has a positive mean " +
        "advantage; otherwise inconclusive.";

    public static ClaimResult Evaluate(ClaimsData data, ClaimsOptions options)
    {
        var seed = options.SeedOf(3);
        var notes = new List<string>();
        var candidates = new List<(GroupData Group, EntryData Entry, IReadOnlyList<double> Advantage)>();
        foreach (var group in data.Groups)
        {
            if (group.Find(ClaimRules.Calibrated, ClaimRules.Msp) is not { } reference)
            {
                notes.Add($"{group.Name}: no {ClaimRules.Calibrated}+{ClaimRules.Msp} entry; left out");
                continue;
            }

            foreach (var entry in group.GlobalThreshold.Where(e => e.Calibrator != ClaimRules.Calibrated))
            {
                var excess = SeedPairs.Of(entry, reference, (a, b) => SeedPairs.Proxy(a, "ece") - SeedPairs.Proxy(b, "ece"));
                if (Bootstrap.SeedMean([excess], options.Resamples, seed) is { } estimate && ClaimRules.ClearlyLessCalibrated(estimate))
                {
                    candidates.Add((group, entry, SeedPairs.ScoreDifference(entry, reference)));
                }
            }
        }

        var confidence = ClaimRules.Claim3Confidence(candidates.Count);
        var judged = candidates
            .Select(c => (c.Group, c.Entry, Advantage: Bootstrap.SeedMean([c.Advantage], options.Resamples, seed, confidence)))
            .Where(c => c.Advantage is not null)
            .Select(c => (c.Group, c.Entry, Advantage: c.Advantage!))
            .ToList();
        var winners = judged.Where(c => c.Advantage is { HasInterval: true, Low: > 0 }).OrderByDescending(c => c.Advantage.Low).ToList();
        var statistics = new List<ClaimStatistic>
        {
            new("candidates m (clearly less calibrated than the reference)", judged.Count),
            new("candidates that beat the reference", winners.Count),
            new("interval level after the Bonferroni correction", confidence),
            new("candidates with a positive mean advantage", judged.Count(c => c.Advantage.Value > 0)),
        };
        statistics.AddRange(winners.Take(Listed).Select(w => ClaimStatistic.Of($"advantage of {w.Entry.Method} in {w.Group.Name}", w.Advantage)));
        if (winners.Count == 0 && judged.Count > 0)
        {
            var best = judged.MaxBy(c => c.Advantage.Value);
            statistics.Add(ClaimStatistic.Of($"largest mean advantage: {best.Entry.Method} in {best.Group.Name}", best.Advantage));
        }

        if (data.Groups.SelectMany(g => g.GlobalThreshold).Any(e => e.PerSeed.Count < ClaimRules.MinimumSeeds))
        {
            notes.Add($"some entries have fewer than {ClaimRules.MinimumSeeds} seeds: without an interval they cannot be candidates");
        }

        var rows = data.Groups.Select(g =>
        {
            var own = judged.Where(c => c.Group == g).ToList();
            var rowStatistics = new List<ClaimStatistic> { new("candidates", own.Count), new("beat the reference", own.Count(c => c.Advantage is { HasInterval: true, Low: > 0 })) };
            if (own.Count > 0)
            {
                var best = own.MaxBy(c => c.Advantage.Value);
                rowStatistics.Add(ClaimStatistic.Of($"best: {best.Entry.Method}", best.Advantage));
            }

            return new ClaimGroupRow(g.Name, ClaimRules.Claim3(own.Select(c => c.Advantage).ToList()), rowStatistics);
        }).ToList();
        return new ClaimResult(3, Statement, ClaimRules.Claim3(judged.Select(c => c.Advantage).ToList()), Rule, statistics, rows, notes);
    }
}
