namespace EarlyExitBench.Harness.Claims;

/// <summary>Claim 3 under rules v2: a less calibrated calibrator beats a more calibrated one with the same failure predictor, Holm-corrected.</summary>
internal static class FixedPredictorClaim
{
    private const int Listed = 10;

    public static string Rule =>
        "Candidates: in each group, for each failure predictor f and each ordered pair of argmax-keeping calibrators (c1, c2) where c1 is clearly less calibrated " +
        "(the lower bound of the mean ECE(c1) − ECE(c2), two-level interval, > 0): Δ = e(c1+f) − e(c2+f), paired by seed and test resample. Only the calibrator " +
        FormattableString.Invariant($"changes, so a win is calibration's doing, not the predictor's. Each Δ gets a two-sided p-value from its components t statistic; Holm's step-down at family-wise {ClaimRulesV2.FamilyAlpha} over all m candidates. ") +
        "Supported when Holm rejects for some candidate with Δ > 0; not supported when no candidate has Δ > 0; otherwise inconclusive.";

    public static ClaimResult Evaluate(ClaimsData data, ClaimsOptions options)
    {
        var two = V2Support.Options(options, 3);
        var notes = new List<string>();
        var n = V2Support.TestSamples(data);
        var keeps = V2Support.KeepsArgmax(data);
        if (keeps is null)
        {
            notes.Add("the leaderboard does not record which calibrators keep the argmax (provenance.plugins[].keeps_argmax): rebuild it with this eebench");
            return new ClaimResult(3, LessCalibratedWinsClaim.Statement, ClaimVerdict.Inconclusive, Rule, [], [], notes);
        }

        var candidates = new List<(GroupData Group, EntryData Less, EntryData More, ComponentsFit Fit, double P)>();
        foreach (var group in data.Groups)
        {
            foreach (var predictor in group.GlobalThreshold.Select(e => e.FailurePredictor).Distinct())
            {
                var entries = group.GlobalThreshold.Where(e => e.FailurePredictor == predictor && keeps.Contains(e.Calibrator)).ToList();
                foreach (var less in entries)
                {
                    foreach (var more in entries.Where(e => e != less))
                    {
                        var excess = V2Support.Plain(SeedPairs.Of(less, more, (a, b) => SeedPairs.Proxy(a, "ece") - SeedPairs.Proxy(b, "ece")));
                        if (V2Support.Mean([excess], two) is not { HasInterval: true, Low: > 0 })
                        {
                            continue;
                        }

                        var d = V2Support.Difference(less, more);
                        var fit = TwoLevelBootstrap.Fit([d.Count], TwoLevelBootstrap.ReplicateCount(d), draw => TwoLevelBootstrap.MeanOf([d], draw), two);
                        if (fit?.PValue(two) is { } p)
                        {
                            candidates.Add((group, less, more, fit, p));
                        }
                    }
                }
            }
        }

        var rejected = ClaimRulesV2.Holm(candidates.Select(c => c.P).ToList());
        var winners = candidates.Select((c, i) => (c, Win: rejected[i] && c.Fit.Value > 0)).Where(x => x.Win).Select(x => x.c).OrderBy(c => c.P).ToList();
        var positive = candidates.Count(c => c.Fit.Value > 0);
        var statistics = new List<ClaimStatistic>
        {
            new("candidates m (same predictor, clearly less calibrated calibrator)", candidates.Count),
            new("candidates that beat the better-calibrated one after Holm", winners.Count),
            new("candidates with a positive mean advantage", positive),
            new("candidates whose uncorrected 95% interval is above 0", candidates.Count(c => c.Fit.Interval(two).Low > 0)),
        };
        foreach (var w in winners.Take(Listed))
        {
            var estimate = w.Fit.Interval(two);
            statistics.Add(ClaimStatistic.Of($"{w.Less.Method} − {w.More.Method} in {w.Group.Name} (p = {w.P.ToString("0.0e0", System.Globalization.CultureInfo.InvariantCulture)})", estimate));
            statistics.Add(V2Support.Images("  the same", estimate, n));
            statistics.AddRange(V2Support.Deployable("  the same", w.Less, w.More, two, n));
        }

        if (winners.Count == 0 && candidates.Count > 0)
        {
            var best = candidates.MinBy(c => c.Fit.Value > 0 ? c.P : double.MaxValue);
            statistics.Add(ClaimStatistic.Of($"smallest p with Δ > 0: {best.Less.Method} − {best.More.Method} in {best.Group.Name} (p = {best.P.ToString("0.0e0", System.Globalization.CultureInfo.InvariantCulture)})", best.Fit.Interval(two)));
        }

        var rows = data.Groups.Select(g =>
        {
            var own = candidates.Where(c => c.Group == g).ToList();
            var ownWinners = winners.Count(w => w.Group == g);
            var rowStatistics = new List<ClaimStatistic> { new("candidates", own.Count), new("beat it after Holm (over all groups)", ownWinners), new("positive", own.Count(c => c.Fit.Value > 0)) };
            if (own.Count > 0)
            {
                var best = own.MaxBy(c => c.Fit.Value);
                rowStatistics.Add(ClaimStatistic.Of($"largest: {best.Less.Method} − {best.More.Method}", best.Fit.Interval(two)));
            }

            return new ClaimGroupRow(g.Name, ClaimRulesV2.Claim3(own.Count, ownWinners, own.Count(c => c.Fit.Value > 0)), rowStatistics);
        }).ToList();
        if (V2Support.DeployableMissing(data) is { } missing)
        {
            notes.Add(missing);
        }

        return new ClaimResult(3, LessCalibratedWinsClaim.Statement, ClaimRulesV2.Claim3(candidates.Count, winners.Count, positive), Rule, statistics, rows, notes);
    }
}
