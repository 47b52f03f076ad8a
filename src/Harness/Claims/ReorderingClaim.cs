using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Claims;

/// <summary>Claim 2: common calibrators do not preserve the order of samples within an exit, and that reordering changes which samples exit where.</summary>
internal static class ReorderingClaim
{
    public const string Statement = "Common calibrators do not preserve the order of samples within an exit (rank preservation τ < 1), and that reordering changes which samples exit where.";

    private const string DoseResponse = "Spearman ρ(1 − τ, |efficiency change vs identity+msp|) over (group, calibrator)";

    public static string Rule =>
        FormattableString.Invariant($"A: a calibrator c ≠ identity materially reorders when the upper bound of τ_c (mean-over-exits rank preservation of c+msp, seed bootstrap) < {ClaimRules.OrderPreserved}, ") +
        FormattableString.Invariant($"and preserves order when the lower bound ≥ {ClaimRules.OrderPreserved}; A holds when ≥ {ClaimRules.ReorderingCalibrators} calibrators materially reorder and fails when fewer than {ClaimRules.ReorderingCalibrators} could. ") +
        "B: over (group, calibrator) points, ρ = Spearman(1 − τ, |e(c+msp) − e(identity+msp)|) with a bootstrap over points; B holds when its lower bound > 0 and fails when its upper bound < 0. " +
        "Supported when A and B hold; not supported when A or B fails; otherwise inconclusive.";

    public static ClaimResult Evaluate(ClaimsData data, ClaimsOptions options)
    {
        var seed = options.SeedOf(2);
        var notes = new List<string>();
        var calibrators = data.Groups.SelectMany(g => g.GlobalThreshold)
            .Where(e => e.FailurePredictor == ClaimRules.Msp && e.Calibrator != ClaimRules.Uncalibrated)
            .Select(e => e.Calibrator).Distinct().ToList();
        if (calibrators.Count == 0)
        {
            notes.Add($"no calibrator other than {ClaimRules.Uncalibrated} with {ClaimRules.Msp}");
        }

        var statistics = new List<ClaimStatistic>();
        var taus = new List<Estimate>();
        foreach (var calibrator in calibrators)
        {
            var perGroup = data.Groups.Select(g => g.Find(calibrator, ClaimRules.Msp)).OfType<EntryData>().Select(e => SeedPairs.Proxy(e, "rank_preservation")).ToList();
            if (Bootstrap.SeedMean(perGroup, options.Resamples, seed) is { } tau)
            {
                taus.Add(tau);
                statistics.Add(ClaimStatistic.Of($"τ {calibrator}+{ClaimRules.Msp}", tau));
            }
        }

        var (x, y) = (new List<double>(), new List<double>());
        var rows = new List<ClaimGroupRow>();
        foreach (var group in data.Groups)
        {
            var (gx, gy) = Points(group, calibrators);
            x.AddRange(gx);
            y.AddRange(gy);
            var groupTaus = calibrators.Select(c => group.Find(c, ClaimRules.Msp)).OfType<EntryData>()
                .Select(e => (e.Calibrator, Tau: Bootstrap.SeedMean([SeedPairs.Proxy(e, "rank_preservation")], options.Resamples, seed)))
                .Where(t => t.Tau is not null).ToList();
            var rho = Correlation(gx, gy, options.Resamples, seed);
            var groupStatistics = groupTaus.Select(t => ClaimStatistic.Of($"τ {t.Calibrator}", t.Tau!)).ToList();
            if (rho is not null)
            {
                groupStatistics.Add(ClaimStatistic.Of("ρ", rho));
            }

            rows.Add(new ClaimGroupRow(group.Name, ClaimRules.Claim2(groupTaus.Select(t => t.Tau!).ToList(), rho), groupStatistics));
        }

        var pooled = Correlation(x, y, options.Resamples, seed);
        if (pooled is null)
        {
            notes.Add($"B needs at least {ClaimRules.MinimumPoints} (group, calibrator) points with {ClaimRules.Uncalibrated}+{ClaimRules.Msp} in the group and a non-constant side; got {x.Count}");
        }
        else
        {
            statistics.Insert(0, ClaimStatistic.Of(DoseResponse, pooled));
        }

        if (taus.Any(t => !t.HasInterval))
        {
            notes.Add($"some calibrator has fewer than {ClaimRules.MinimumSeeds} seeds in a group: its τ has no interval");
        }

        statistics.Insert(0, new ClaimStatistic("calibrators that materially reorder (A)", taus.Count(t => ClaimRules.Reorders(t) == true)));
        return new ClaimResult(2, Statement, ClaimRules.Claim2(taus, pooled), Rule, statistics, rows, notes);
    }

    /// <summary>Per calibrator in the group: (1 − seed-mean τ, |seed-mean efficiency − identity+msp's|).</summary>
    private static (List<double> X, List<double> Y) Points(GroupData group, IReadOnlyList<string> calibrators)
    {
        var (x, y) = (new List<double>(), new List<double>());
        if (group.Find(ClaimRules.Uncalibrated, ClaimRules.Msp) is not { } baseline)
        {
            return (x, y);
        }

        foreach (var entry in calibrators.Select(c => group.Find(c, ClaimRules.Msp)).OfType<EntryData>())
        {
            var taus = SeedPairs.Proxy(entry, "rank_preservation");
            if (taus.Count > 0)
            {
                x.Add(1 - taus.Average());
                y.Add(Math.Abs(SeedPairs.MeanScore(entry) - SeedPairs.MeanScore(baseline)));
            }
        }

        return (x, y);
    }

    private static Estimate? Correlation(List<double> x, List<double> y, int resamples, int seed)
    {
        if (x.Count < ClaimRules.MinimumPoints)
        {
            return null;
        }

        var result = Evaluation.ProxyCorrelation.Correlate([.. x], [.. y], resamples, seed);
        return result.Spearman is { } rho ? new Estimate(rho, result.SpearmanCi?[0], result.SpearmanCi?[1]) : null;
    }
}
