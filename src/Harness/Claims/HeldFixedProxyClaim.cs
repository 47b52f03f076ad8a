namespace EarlyExitBench.Harness.Claims;

/// <summary>
/// Claim 4 under rules v2: a calibration proxy is correlated with efficiency across calibrators with the failure predictor
/// held fixed, a failure-prediction proxy across predictors with the calibrator held fixed; <c>eefp_auroc</c> apart.
/// </summary>
internal static class HeldFixedProxyClaim
{
    private const string Difference = "D = failure-prediction (auroc, aurc, augrc; calibrator fixed) − calibration proxies' (predictor fixed) mean oriented Spearman ρ";

    public static string Rule =>
        "Per group: a calibration proxy's strength is the mean over failure predictors f of the oriented Spearman ρ across calibrators c of (proxy of c+f, e(c+f)); " +
        "a failure-prediction proxy's is the mean over calibrators c of the oriented ρ across predictors f of (proxy of c+f, e(c+f)). Each family's strength is " +
        "the mean over its proxies; D_g = failure prediction − calibration; D = mean over groups. eefp_auroc is reported apart (its target is the exit-aware " +
        "score's own). Points are seed means; the interval is two-level (seeds and the efficiency's test resamples; the proxies' own test noise is not resampled). " +
        FormattableString.Invariant($"Supported when the lower bound of D > {ClaimRules.MuchStronger}; not supported when its upper bound < {ClaimRules.MuchStronger}; otherwise inconclusive.");

    public static ClaimResult Evaluate(ClaimsData data, ClaimsOptions options)
    {
        var two = V2Support.Options(options, 4);
        var notes = new List<string>();
        var failurePrediction = ProxyStrengthClaim.Family(ClaimRulesV2.FailurePredictionProxies, "failure prediction", data, notes);
        var exitAware = ProxyStrengthClaim.Family([ClaimRulesV2.ExitAwareProxy], "failure prediction", data, notes);
        var calibration = ProxyStrengthClaim.Family(ClaimRules.CalibrationProxies, "calibration", data, notes);
        var groups = data.Groups.Select(g => Grid.Of(g)).Where(g => g.Seeds.Count > 0).ToList();
        if (groups.Count == 0)
        {
            notes.Add("no group has global-threshold entries sharing a seed");
            return new ClaimResult(4, ProxyStrengthClaim.Statement, ClaimVerdict.Inconclusive, Rule, [], [], notes);
        }

        var seeds = groups.Select(g => g.Seeds.Count).ToList();
        var replicates = TwoLevelBootstrap.ReplicateCount(groups.SelectMany(g => g.Entries).SelectMany(e => e.PerSeed).Select(s => new SeedValue(s.Score, s.EfficiencyReplicates)));
        double? D(Draw draw, IReadOnlyList<int> which) =>
            which.Select(g => Strength(groups[g], Pick(draw, g), draw.Test, failurePrediction, byCalibrator: true) - Strength(groups[g], Pick(draw, g), draw.Test, calibration, byCalibrator: false)).ToList() is var d && d.All(x => x.HasValue) ? d.Average(x => x!.Value) : null;

        var all = Enumerable.Range(0, groups.Count).ToList();
        var pooled = TwoLevelBootstrap.Components(seeds, replicates, d => D(d, all), two);
        var statistics = new List<ClaimStatistic>();
        if (pooled is not null)
        {
            statistics.Add(ClaimStatistic.Of(Difference, pooled));
        }

        if (TwoLevelBootstrap.Components(seeds, replicates, d => Mean(all.Select(g => Strength(groups[g], Pick(d, g), d.Test, calibration, byCalibrator: false))), two) is { } cal)
        {
            statistics.Add(ClaimStatistic.Of("calibration proxies' mean oriented ρ (predictor fixed)", cal));
        }

        if (TwoLevelBootstrap.Components(seeds, replicates, d => Mean(all.Select(g => Strength(groups[g], Pick(d, g), d.Test, failurePrediction, byCalibrator: true))), two) is { } fp)
        {
            statistics.Add(ClaimStatistic.Of("failure-prediction proxies' mean oriented ρ (calibrator fixed)", fp));
        }

        if (TwoLevelBootstrap.Components(seeds, replicates, d => Mean(all.Select(g => Strength(groups[g], Pick(d, g), d.Test, exitAware, byCalibrator: true))), two) is { } ea)
        {
            statistics.Add(ClaimStatistic.Of("eefp_auroc's oriented ρ (calibrator fixed; reported apart, not in D)", ea));
        }

        statistics.Add(new ClaimStatistic("groups", groups.Count));
        var rows = groups.Select((g, i) =>
        {
            var one = TwoLevelBootstrap.Components([g.Seeds.Count], replicates, d => Single(d, i), two);
            return new ClaimGroupRow(g.Group.Name, ClaimRules.Claim4(one), one is null ? [] : [ClaimStatistic.Of("D", one)]);

            double? Single(Draw d, int index) =>
                Strength(groups[index], d.Seeds[0], d.Test, failurePrediction, byCalibrator: true) - Strength(groups[index], d.Seeds[0], d.Test, calibration, byCalibrator: false);
        }).ToList();
        notes.Add("the correlations use the oracle (test-chosen) efficiency; correlations with deployable efficiency are not computed");
        if (V2Support.DeployableMissing(data) is { } deployableMissing)
        {
            notes.Add(deployableMissing);
        }

        return new ClaimResult(4, ProxyStrengthClaim.Statement, ClaimRules.Claim4(pooled), Rule, statistics, rows, notes);
    }

    private static int[] Pick(Draw draw, int group) => draw.Seeds[group];

    private static double? Mean(IEnumerable<double?> values) => values.ToList() is var v && v.All(x => x.HasValue) && v.Count > 0 ? v.Average(x => x!.Value) : null;

    /// <summary>
    /// Mean over proxies of the mean over held-fixed plugins of the oriented Spearman ρ across the other kind: byCalibrator
    /// holds the calibrator fixed and varies the predictor (failure-prediction proxies), else holds the predictor fixed.
    /// </summary>
    private static double? Strength(Grid grid, int[] seeds, int test, List<(string Name, bool HigherIsBetter)> proxies, bool byCalibrator)
    {
        var perProxy = new List<double>();
        foreach (var (name, higherIsBetter) in proxies)
        {
            var rhos = new List<double>();
            foreach (var slice in byCalibrator ? grid.ByCalibrator : grid.ByPredictor)
            {
                var x = new List<double>();
                var y = new List<double>();
                foreach (var entry in slice)
                {
                    var chosen = seeds.Select(s => grid.SeedOf(entry, s)).ToList();
                    if (chosen.Any(s => SeedPairs.Proxy(s, name) is null))
                    {
                        continue;
                    }

                    x.Add(chosen.Average(s => SeedPairs.Proxy(s, name)!.Value));
                    y.Add(chosen.Average(s => test == TwoLevelBootstrap.Observed || s.EfficiencyReplicates is null ? s.Score : s.EfficiencyReplicates[test]));
                }

                if (x.Count >= ClaimRules.MinimumPoints && Evaluation.RankCorrelation.Spearman(x.ToArray(), y.ToArray()) is { } rho)
                {
                    rhos.Add(higherIsBetter ? rho : -rho);
                }
            }

            if (rhos.Count > 0)
            {
                perProxy.Add(rhos.Average());
            }
        }

        return perProxy.Count > 0 ? perProxy.Average() : null;
    }

    /// <summary>A group's global-threshold entries on the seeds they share, sliced by calibrator and by predictor.</summary>
    private sealed record Grid(GroupData Group, IReadOnlyList<int> Seeds, IReadOnlyList<EntryData> Entries)
    {
        private readonly Dictionary<EntryData, Dictionary<int, SeedData>> _bySeed = Entries.ToDictionary(e => e, e => e.PerSeed.GroupBy(s => s.Seed).ToDictionary(s => s.Key, s => s.First()));

        public List<List<EntryData>> ByCalibrator { get; } = Entries.GroupBy(e => e.Calibrator).Select(g => g.ToList()).ToList();

        public List<List<EntryData>> ByPredictor { get; } = Entries.GroupBy(e => e.FailurePredictor).Select(g => g.ToList()).ToList();

        public static Grid Of(GroupData group)
        {
            var entries = group.GlobalThreshold.ToList();
            return new Grid(group, V2Support.SharedSeeds(entries), entries);
        }

        public SeedData SeedOf(EntryData entry, int index) => _bySeed[entry][Seeds[index]];
    }
}
