namespace EarlyExitBench.Harness.Claims;

/// <summary>
/// The verdict rules of <c>eebench claims</c>, fixed before any real leaderboard was looked at; docs/CLAIMS.md states the
/// same rules in words. Every threshold is here, and every verdict is a pure function of estimates and their intervals.
/// Changing a number here after seeing results would make the verdicts worthless: do it in its own commit, saying why.
/// </summary>
public static class ClaimRules
{
    /// <summary>The uncalibrated baseline's calibrator.</summary>
    public const string Uncalibrated = "identity";

    /// <summary>The calibrated reference's calibrator: per-exit temperature scaling.</summary>
    public const string Calibrated = "temperature";

    /// <summary>The failure predictor of both the baseline and the calibrated reference.</summary>
    public const string Msp = "msp";

    /// <summary>The exit-aware learned score (claim 5), used on uncalibrated outputs.</summary>
    public const string ExitAware = "exit-aware";

    /// <summary>The exit policy whose entries are read.</summary>
    public const string Policy = Results.PublishedNames.GlobalThreshold;

    /// <summary>Coverage of every interval (before the Bonferroni correction of claim 3).</summary>
    public const double Confidence = 0.95;

    /// <summary>Seeds a group needs before a seed bootstrap gives an interval.</summary>
    public const int MinimumSeeds = 2;

    /// <summary>Claim 1: "a lot" = ECE at least halved (relative reduction ≥ 0.5).</summary>
    public const double LargeEceReduction = 0.5;

    /// <summary>Claim 1: "barely moves" = efficiency up by at most half an accuracy point.</summary>
    public const double NegligibleEfficiencyGain = 0.005;

    /// <summary>Claim 2: a calibrator materially reorders when its rank preservation τ_b is below this (about 0.5% of pairs swap or tie).</summary>
    public const double OrderPreserved = 0.99;

    /// <summary>Claim 2: "common calibrators" = at least this many calibrators materially reorder.</summary>
    public const int ReorderingCalibrators = 2;

    /// <summary>Claim 2 part B and claim 4: fewest points for a Spearman correlation.</summary>
    public const int MinimumPoints = 3;

    /// <summary>Claim 4: "much more strongly" = failure-prediction proxies' oriented Spearman exceeds calibration proxies' by more than this.</summary>
    public const double MuchStronger = 0.25;

    /// <summary>
    /// Claim 4: the failure-prediction proxies it compares, fixed with the claim (docs/CLAIMS.md). Which way each is better,
    /// and that it is a proxy at all, is read from the leaderboard's <c>metrics</c> section, as the metric registered it.
    /// </summary>
    public static IReadOnlyList<string> FailurePredictionProxies { get; } = ["auroc", "aurc", "augrc", "eefp_auroc"];

    /// <summary>Claim 4: the calibration proxies it compares; direction from the leaderboard, as above.</summary>
    public static IReadOnlyList<string> CalibrationProxies { get; } = ["ece", "adaptive_ece", "brier", "nll"];

    /// <summary>Claim 1: relative ECE reduction <paramref name="eceReduction"/> and efficiency change <paramref name="efficiencyChange"/> (temperature − identity, msp).</summary>
    public static ClaimVerdict Claim1(Estimate? eceReduction, Estimate? efficiencyChange)
    {
        if (eceReduction is not { HasInterval: true } r || efficiencyChange is not { HasInterval: true } d)
        {
            return ClaimVerdict.Inconclusive;
        }

        if (r.High < LargeEceReduction || d.Low > NegligibleEfficiencyGain)
        {
            return ClaimVerdict.NotSupported;
        }

        return r.Low >= LargeEceReduction && d.High <= NegligibleEfficiencyGain ? ClaimVerdict.Supported : ClaimVerdict.Inconclusive;
    }

    /// <summary>Claim 2 part A for one calibrator: true = materially reorders, false = preserves order, null = undecided.</summary>
    public static bool? Reorders(Estimate rankPreservation)
    {
        ArgumentNullException.ThrowIfNull(rankPreservation);
        if (!rankPreservation.HasInterval)
        {
            return null;
        }

        return rankPreservation.High < OrderPreserved ? true : rankPreservation.Low >= OrderPreserved ? false : null;
    }

    /// <summary>Claim 2: each non-identity calibrator's rank preservation, and the Spearman ρ between reordering and |efficiency change|.</summary>
    public static ClaimVerdict Claim2(IReadOnlyList<Estimate> rankPreservation, Estimate? doseResponse)
    {
        ArgumentNullException.ThrowIfNull(rankPreservation);
        var decided = rankPreservation.Select(Reorders).ToList();
        var reorder = decided.Count(r => r == true);
        var couldReorder = decided.Count(r => r != false);
        if (couldReorder < ReorderingCalibrators || doseResponse is { HasInterval: true, High: < 0 })
        {
            return ClaimVerdict.NotSupported;
        }

        return reorder >= ReorderingCalibrators && doseResponse is { HasInterval: true, Low: > 0 } ? ClaimVerdict.Supported : ClaimVerdict.Inconclusive;
    }

    /// <summary>The interval coverage of claim 3's comparisons among <paramref name="candidates"/> candidates (Bonferroni).</summary>
    public static double Claim3Confidence(int candidates) => 1 - ((1 - Confidence) / Math.Max(1, candidates));

    /// <summary>Claim 3: each clearly-less-calibrated candidate's efficiency advantage over temperature + msp, at <see cref="Claim3Confidence"/>.</summary>
    public static ClaimVerdict Claim3(IReadOnlyList<Estimate> advantages)
    {
        ArgumentNullException.ThrowIfNull(advantages);
        if (advantages.Any(a => a is { HasInterval: true, Low: > 0 }))
        {
            return ClaimVerdict.Supported;
        }

        return advantages.Count > 0 && advantages.All(a => a.Value <= 0) ? ClaimVerdict.NotSupported : ClaimVerdict.Inconclusive;
    }

    /// <summary>Claim 3: a candidate's exits are clearly less calibrated when the lower bound of its ECE excess over temperature is positive.</summary>
    public static bool ClearlyLessCalibrated(Estimate eceExcess)
    {
        ArgumentNullException.ThrowIfNull(eceExcess);
        return eceExcess is { HasInterval: true, Low: > 0 };
    }

    /// <summary>Claim 4: D, failure-prediction minus calibration proxies' mean oriented Spearman ρ.</summary>
    public static ClaimVerdict Claim4(Estimate? difference)
    {
        if (difference is not { HasInterval: true } d)
        {
            return ClaimVerdict.Inconclusive;
        }

        return d.Low > MuchStronger ? ClaimVerdict.Supported : d.High < MuchStronger ? ClaimVerdict.NotSupported : ClaimVerdict.Inconclusive;
    }

    /// <summary>Claim 5: efficiency of identity + exit-aware minus temperature + msp.</summary>
    public static ClaimVerdict Claim5(Estimate? advantage)
    {
        if (advantage is not { HasInterval: true } d)
        {
            return ClaimVerdict.Inconclusive;
        }

        return d.Low > 0 ? ClaimVerdict.Supported : d.High < 0 ? ClaimVerdict.NotSupported : ClaimVerdict.Inconclusive;
    }
}
