using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Claims;

/// <summary>Claim 4: failure-prediction proxies correlate with efficiency much more strongly than calibration proxies.</summary>
internal static class ProxyStrengthClaim
{
    public const string Statement = "Failure-prediction proxies (AUROC, AURC, AUGRC, the exit-aware AUROC) correlate with efficiency much more strongly than calibration proxies (ECE, adaptive ECE, Brier, NLL).";

    private const string Difference = "D = failure-prediction − calibration proxies' mean oriented Spearman ρ";

    public static string Rule =>
        "Per group, across its global-threshold methods (seed-averaged, the points of proxy_correlation), each proxy's Spearman ρ with efficiency, oriented so +1 means " +
        "'better proxy value, more efficient' (+ρ for auroc and eefp_auroc, −ρ for aurc, augrc, ece, adaptive_ece, brier, nll). D_g = mean over failure-prediction proxies " +
        FormattableString.Invariant($"minus mean over calibration proxies; D = mean over groups, 95% interval from a bootstrap of methods within groups. Supported when the lower bound of D > {ClaimRules.MuchStronger}; ") +
        FormattableString.Invariant($"not supported when the upper bound of D < {ClaimRules.MuchStronger}; otherwise inconclusive.");

    public static ClaimResult Evaluate(ClaimsData data, ClaimsOptions options)
    {
        var seed = options.SeedOf(4);
        var notes = new List<string>();
        var (failurePrediction, calibration) = (Family(ClaimRules.FailurePredictionProxies, "failure prediction", data, notes), Family(ClaimRules.CalibrationProxies, "calibration", data, notes));
        var points = data.Groups.Select(g => (Group: g, Points: Points(g, [.. failurePrediction, .. calibration]))).ToList();
        var usable = points.Where(p => Strengths(p.Points, Identity(p.Points.Count), failurePrediction, calibration) is not null).ToList();
        foreach (var left in points.Except(usable))
        {
            notes.Add($"{left.Group.Name}: fewer than {ClaimRules.MinimumPoints} methods, or no defined correlation in one family; left out");
        }

        var rows = usable.Select(p =>
        {
            var (fp, cal) = Strengths(p.Points, Identity(p.Points.Count), failurePrediction, calibration)!.Value;
            var d = Bootstrap.Points([p.Points.Count], picks => Strengths(p.Points, picks[0], failurePrediction, calibration) is { } s ? s.FailurePrediction - s.Calibration : null, options.Resamples, seed);
            var statistics = new List<ClaimStatistic> { new("methods", p.Points.Count), new("failure-prediction mean oriented ρ", fp), new("calibration mean oriented ρ", cal) };
            if (d is not null)
            {
                statistics.Insert(0, ClaimStatistic.Of("D", d));
            }

            return new ClaimGroupRow(p.Group.Name, ClaimRules.Claim4(d), statistics);
        }).ToList();

        var pooled = usable.Count == 0 ? null : Bootstrap.Points(
            usable.Select(p => p.Points.Count).ToList(),
            picks =>
            {
                var differences = usable.Select((p, g) => Strengths(p.Points, picks[g], failurePrediction, calibration)).ToList();
                return differences.Any(s => s is null) ? null : differences.Average(s => s!.Value.FailurePrediction - s.Value.Calibration);
            },
            options.Resamples,
            seed);
        var statistics = new List<ClaimStatistic>();
        if (pooled is not null)
        {
            statistics.Add(ClaimStatistic.Of(Difference, pooled));
            statistics.Add(new ClaimStatistic("groups", usable.Count));
        }

        return new ClaimResult(4, Statement, ClaimRules.Claim4(pooled), Rule, statistics, rows, notes);
    }

    /// <summary>
    /// The claim's proxies of one family with the direction the leaderboard gives each; a proxy the leaderboard does not
    /// describe as one (not in <c>metrics</c>, or <c>proxy: false</c>), or whose published family is another (files
    /// written before the family was published have none), is left out with a note.
    /// </summary>
    internal static List<(string Name, bool HigherIsBetter)> Family(IReadOnlyList<string> names, string familyName, ClaimsData data, List<string> notes)
    {
        var family = new List<(string, bool)>();
        foreach (var name in names)
        {
            var metric = data.Metrics.FirstOrDefault(m => m.Name == name);
            if (metric is not { Proxy: true })
            {
                notes.Add($"the leaderboard's metrics section does not describe '{name}' as a proxy; left out");
            }
            else if (metric.Family is { } published && published != familyName)
            {
                notes.Add($"the leaderboard's metrics section gives '{name}' the family '{published}', not '{familyName}'; left out");
            }
            else
            {
                family.Add((name, metric.HigherIsBetter));
            }
        }

        return family;
    }

    /// <summary>One point per global-threshold method: its seed-mean proxies and efficiency score.</summary>
    private static List<(IReadOnlyDictionary<string, double> Proxies, double Score)> Points(GroupData group, List<(string Name, bool HigherIsBetter)> proxies) =>
        group.GlobalThreshold.Select(e => (
            (IReadOnlyDictionary<string, double>)proxies
                .Select(p => (p.Name, Value: SeedPairs.MeanProxy(e, p.Name)))
                .Where(p => p.Value.HasValue)
                .ToDictionary(p => p.Name, p => p.Value!.Value),
            SeedPairs.MeanScore(e))).ToList();

    private static int[] Identity(int count) => Enumerable.Range(0, count).ToArray();

    /// <summary>Mean oriented ρ of each family on the chosen points; null when either family has no defined correlation.</summary>
    private static (double FailurePrediction, double Calibration)? Strengths(
        List<(IReadOnlyDictionary<string, double> Proxies, double Score)> points, int[] picks, List<(string Name, bool HigherIsBetter)> failurePrediction, List<(string Name, bool HigherIsBetter)> calibration)
    {
        if (points.Count < ClaimRules.MinimumPoints)
        {
            return null;
        }

        var fp = Mean(failurePrediction, points, picks);
        var cal = Mean(calibration, points, picks);
        return fp is { } f && cal is { } c ? (f, c) : null;
    }

    private static double? Mean(IReadOnlyList<(string Name, bool HigherIsBetter)> family, List<(IReadOnlyDictionary<string, double> Proxies, double Score)> points, int[] picks)
    {
        var oriented = new List<double>();
        foreach (var (name, higherIsBetter) in family)
        {
            var chosen = picks.Where(i => points[i].Proxies.ContainsKey(name)).ToList();
            if (chosen.Count < ClaimRules.MinimumPoints)
            {
                continue;
            }

            var x = chosen.Select(i => points[i].Proxies[name]).ToArray();
            var y = chosen.Select(i => points[i].Score).ToArray();
            if (Evaluation.RankCorrelation.Spearman(x, y) is { } rho)
            {
                oriented.Add(higherIsBetter ? rho : -rho);
            }
        }

        return oriented.Count > 0 ? oriented.Average() : null;
    }
}
