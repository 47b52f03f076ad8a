namespace EarlyExitBench.Harness.Claims;

/// <summary>Claim 2 under rules v2: on argmax-keeping calibrators only, with the dose-response correlation resampled by group.</summary>
internal static class ArgmaxReorderingClaim
{
    private const string DoseResponse = "Spearman ρ(1 − τ, |efficiency change vs identity+msp|) over (group, argmax-keeping calibrator), groups resampled";

    public static string Rule =>
        "Only calibrators whose registration promises to keep every prediction (keeps_argmax in the leaderboard's provenance; vector and matrix scaling change predictions, " +
        "so their efficiency moves with accuracy, not with order). " +
        FormattableString.Invariant($"A: such a calibrator materially reorders when the upper bound of τ_c (mean-over-exits rank preservation of c+msp, two-level interval) < {ClaimRules.OrderPreserved}; ") +
        FormattableString.Invariant($"A holds when ≥ {ClaimRules.ReorderingCalibrators} do and fails when fewer than {ClaimRules.ReorderingCalibrators} could. ") +
        "B: Spearman ρ over (group, calibrator) points of (1 − τ, |e(c+msp) − e(identity+msp)|), 95% percentile interval of a bootstrap that resamples groups " +
        "(a group's points go together, as they share a model); B holds when its lower bound > 0 and fails when its upper bound < 0. " +
        "Supported when A and B hold; not supported when A or B fails; otherwise inconclusive. τ_b counts a pair the calibrator ties as not concordant, " +
        "so a calibrator that only ties (a step function of the confidence) lowers τ without reordering: calibrators that promise to keep the order up to ties are named apart.";

    public static ClaimResult Evaluate(ClaimsData data, ClaimsOptions options)
    {
        var two = V2Support.Options(options, 2);
        var notes = new List<string>();
        var keeps = V2Support.KeepsArgmax(data);
        if (keeps is null)
        {
            notes.Add("the leaderboard does not record which calibrators keep the argmax (provenance.plugins[].keeps_argmax): rebuild it with this eebench");
            return new ClaimResult(2, ReorderingClaim.Statement, ClaimVerdict.Inconclusive, Rule, [], [], notes);
        }

        var all = data.Groups.SelectMany(g => g.GlobalThreshold).Where(e => e.FailurePredictor == ClaimRules.Msp && e.Calibrator != ClaimRules.Uncalibrated).Select(e => e.Calibrator).Distinct().ToList();
        var calibrators = all.Where(keeps.Contains).ToList();
        var left = all.Except(calibrators).ToList();
        if (left.Count > 0)
        {
            notes.Add($"left out, they may change predictions: {string.Join(", ", left)}");
        }

        var statistics = new List<ClaimStatistic>();
        var taus = new List<Estimate>();
        foreach (var calibrator in calibrators)
        {
            var perGroup = data.Groups.Select(g => g.Find(calibrator, ClaimRules.Msp)).OfType<EntryData>().Select(e => V2Support.Plain(SeedPairs.Proxy(e, "rank_preservation")));
            if (V2Support.Mean(perGroup, two) is { } tau)
            {
                taus.Add(tau);
                statistics.Add(ClaimStatistic.Of($"τ {calibrator}+{ClaimRules.Msp}", tau));
            }
        }

        var points = data.Groups.Select(g => Points(g, calibrators)).ToList();
        // Per group, A alone (B's correlation over one group's 4 or so points says little): not supported when fewer than 2 could reorder.
        var rows = data.Groups.Select((g, i) =>
        {
            var groupTaus = calibrators.Select(c => g.Find(c, ClaimRules.Msp)).OfType<EntryData>()
                .Select(e => (e.Calibrator, Tau: V2Support.Mean([V2Support.Plain(SeedPairs.Proxy(e, "rank_preservation"))], two))).Where(t => t.Tau is not null).ToList();
            var rowStatistics = groupTaus.Select(t => ClaimStatistic.Of($"τ {t.Calibrator}", t.Tau!)).ToList();
            rowStatistics.AddRange(points[i].Select(p => new ClaimStatistic($"|e({p.Calibrator}+msp) − e(identity+msp)|", p.Y)));
            return new ClaimGroupRow(g.Name, ClaimRulesV2.Claim2(groupTaus.Select(t => t.Tau!).ToList(), null), rowStatistics);
        }).ToList();
        var usable = points.Where(p => p.Count > 0).ToList();
        var rho = Bootstrap.Points([usable.Count], picks =>
        {
            var chosen = picks[0].SelectMany(g => usable[g]).ToList();
            return chosen.Count < ClaimRules.MinimumPoints ? null : Evaluation.RankCorrelation.Spearman(chosen.Select(p => p.X).ToArray(), chosen.Select(p => p.Y).ToArray());
        }, options.Resamples, options.SeedOf(2));
        if (rho is not null)
        {
            statistics.Insert(0, ClaimStatistic.Of(DoseResponse, rho));
        }
        else
        {
            notes.Add($"B needs at least {ClaimRules.MinimumPoints} (group, calibrator) points with a non-constant side");
        }

        statistics.Insert(0, new ClaimStatistic("argmax-keeping calibrators that materially reorder (A)", taus.Count(t => ClaimRules.Reorders(t) == true)));
        notes.Add("per group: part A alone (B is pooled over groups); a group row is not supported when fewer than 2 calibrators could reorder there, else inconclusive");
        var orderKeeping = data.Plugins.Where(p => p.Kind == "calibrator" && p.KeepsSampleOrder == true && p.Alias != ClaimRules.Uncalibrated).Select(p => p.Alias).ToList();
        notes.Add(orderKeeping.Count > 0
            ? $"calibrators that promise to keep the sample order (τ < 1 there is ties only): {string.Join(", ", orderKeeping)}"
            : "no calibrator besides identity promises to keep the sample order; this leaderboard cannot tell a pair swapped from a pair tied, so τ < 1 may be ties (histogram and isotonic outputs are step functions)");
        notes.Add("part B uses the oracle (test-chosen) efficiency; deployable efficiency is not part of this claim");
        if (V2Support.DeployableMissing(data) is { } deployableMissing)
        {
            notes.Add(deployableMissing);
        }

        return new ClaimResult(2, ReorderingClaim.Statement, ClaimRulesV2.Claim2(taus, rho), Rule, statistics, rows, notes);
    }

    private static List<(string Calibrator, double X, double Y)> Points(GroupData group, IReadOnlyList<string> calibrators)
    {
        var points = new List<(string, double, double)>();
        if (group.Find(ClaimRules.Uncalibrated, ClaimRules.Msp) is not { } baseline)
        {
            return points;
        }

        foreach (var entry in calibrators.Select(c => group.Find(c, ClaimRules.Msp)).OfType<EntryData>())
        {
            var taus = SeedPairs.Proxy(entry, "rank_preservation");
            if (taus.Count > 0)
            {
                points.Add((entry.Calibrator, 1 - taus.Average(), Math.Abs(SeedPairs.MeanScore(entry) - SeedPairs.MeanScore(baseline))));
            }
        }

        return points;
    }
}
