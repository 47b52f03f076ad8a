namespace EarlyExitBench.Harness.Claims;

/// <summary>Claim 6 (the abstract): a well-calibrated classifier may still waste computation.</summary>
internal static class WastedComputeClaim
{
    public const string Statement = "A well-calibrated early-exit network may still waste computation: the best-calibrated method spends compute on samples an earlier exit already got right.";

    public static string Rule =>
        "Per group: the best-calibrated method is c*+msp, c* the calibrator with the lowest seed-mean ECE (mean over exits); the best failure-prediction method is " +
        "the global-threshold entry with the highest seed-mean AUROC (mean over exits); the oracle (each sample at its earliest correct exit) wastes nothing. " +
        FormattableString.Invariant($"At each method's cheapest threshold within {ClaimRulesV2.MatchedAccuracyPoints} accuracy points of the last exit (per_seed[].late_exits): late images (stopped after an exit that had them right) and their FLOPs after that exit. ") +
        FormattableString.Invariant($"w = wasted FLOPs / FLOPs spent of the best-calibrated method; L = its late images − the best failure-prediction method's. Two-level intervals over seeds (no test replicates for these). ") +
        FormattableString.Invariant($"Supported when the lower bound of w ≥ {ClaimRulesV2.MaterialWaste} and the lower bound of L > 0; not supported when the upper bound of w < {ClaimRulesV2.MaterialWaste} or the upper bound of L < 0; otherwise inconclusive.");

    public static ClaimResult Evaluate(ClaimsData data, ClaimsOptions options)
    {
        var two = V2Support.Options(options, 6);
        var (notes, rows) = (new List<string>(), new List<ClaimGroupRow>());
        var (shares, moreLate, calibratedLate, predictorLate, calibratedWaste, predictorWaste) =
            (new List<List<SeedValue>>(), new List<List<SeedValue>>(), new List<List<SeedValue>>(), new List<List<SeedValue>>(), new List<List<SeedValue>>(), new List<List<SeedValue>>());
        foreach (var group in data.Groups)
        {
            var entries = group.GlobalThreshold.Where(e => e.PerSeed.All(s => s.LateExits is not null)).ToList();
            var calibrated = entries.Where(e => e.FailurePredictor == ClaimRules.Msp && SeedPairs.MeanProxy(e, "ece") is not null).MinBy(e => SeedPairs.MeanProxy(e, "ece")!.Value);
            var predictor = entries.Where(e => SeedPairs.MeanProxy(e, "auroc") is not null).MaxBy(e => SeedPairs.MeanProxy(e, "auroc")!.Value);
            if (calibrated is null || predictor is null)
            {
                notes.Add($"{group.Name}: no entries with per_seed[].late_exits, ece and auroc; left out (leaderboards before rules v2 lack late_exits)");
                continue;
            }

            var share = V2Support.Plain(calibrated.PerSeed.Select(s => s.LateExits!.WastedFlops / s.LateExits.SpentFlops));
            var difference = V2Support.Plain(SeedPairs.Of(calibrated, predictor, (a, b) => a.LateExits!.LateSamples - b.LateExits!.LateSamples));
            var (cl, pl) = (V2Support.Plain(calibrated.PerSeed.Select(s => (double)s.LateExits!.LateSamples)), V2Support.Plain(predictor.PerSeed.Select(s => (double)s.LateExits!.LateSamples)));
            var (cw, pw) = (V2Support.Plain(calibrated.PerSeed.Select(s => s.LateExits!.WastedFlops)), V2Support.Plain(predictor.PerSeed.Select(s => s.LateExits!.WastedFlops)));
            shares.Add(share);
            moreLate.Add(difference);
            calibratedLate.Add(cl);
            predictorLate.Add(pl);
            calibratedWaste.Add(cw);
            predictorWaste.Add(pw);
            var (w, l) = (V2Support.Mean([share], two), V2Support.Mean([difference], two));
            notes.Add($"{group.Name}: best-calibrated {calibrated.Method}, best failure prediction {predictor.Method}");
            var statistics = new List<ClaimStatistic>();
            Add(statistics, "w (best-calibrated wasted share of its FLOPs)", w);
            Add(statistics, "L (late test images, best-calibrated − best failure prediction)", l);
            Add(statistics, $"late test images of {calibrated.Method}", V2Support.Mean([cl], two));
            Add(statistics, $"late test images of {predictor.Method}", V2Support.Mean([pl], two));
            Add(statistics, $"wasted FLOPs per test image of {calibrated.Method}", V2Support.Mean([cw], two));
            Add(statistics, $"wasted FLOPs per test image of {predictor.Method}", V2Support.Mean([pw], two));
            statistics.Add(new ClaimStatistic($"relative cost there: {calibrated.Method}", calibrated.PerSeed.Average(s => s.LateExits!.RelativeCost)));
            statistics.Add(new ClaimStatistic($"relative cost there: {predictor.Method}", predictor.PerSeed.Average(s => s.LateExits!.RelativeCost)));
            if (calibrated.Efficiency.Oracle is { } oracle)
            {
                statistics.Add(new ClaimStatistic("oracle relative cost (0 late images, 0 wasted FLOPs)", oracle.RelativeCost));
            }

            rows.Add(new ClaimGroupRow(group.Name, ClaimRulesV2.Claim6(w, l), statistics));
        }

        var (pw2, pl2) = (V2Support.Mean(shares, two), V2Support.Mean(moreLate, two));
        var pooled = new List<ClaimStatistic>();
        Add(pooled, "w = wasted share of the best-calibrated method's FLOPs", pw2);
        Add(pooled, "L = late test images, best-calibrated − best failure prediction", pl2);
        Add(pooled, "late test images, best-calibrated", V2Support.Mean(calibratedLate, two));
        Add(pooled, "late test images, best failure prediction", V2Support.Mean(predictorLate, two));
        Add(pooled, "wasted FLOPs per test image, best-calibrated", V2Support.Mean(calibratedWaste, two));
        Add(pooled, "wasted FLOPs per test image, best failure prediction", V2Support.Mean(predictorWaste, two));
        notes.Add("late exits are counted at the test-chosen matched-accuracy threshold (the oracle curve's operating point), not at a validation-chosen one");
        if (V2Support.DeployableMissing(data) is { } deployableMissing)
        {
            notes.Add(deployableMissing);
        }

        return new ClaimResult(6, Statement, ClaimRulesV2.Claim6(pw2, pl2), Rule, pooled, rows, notes);
    }

    private static void Add(List<ClaimStatistic> statistics, string name, Estimate? estimate)
    {
        if (estimate is not null)
        {
            statistics.Add(ClaimStatistic.Of(name, estimate));
        }
    }
}
