namespace EarlyExitBench.Harness.Claims;

/// <summary>
/// Rules v2 of <c>eebench claims --rules v2</c> (docs/CLAIMS.md, "Rules v2"), fixed and committed before any v2 result was
/// computed. Every interval is the two-level components interval of <see cref="TwoLevelBootstrap"/> (seeds and test samples,
/// paired across methods), 95%; every efficiency effect is also given in test images (Δ × n). v1's rules stay in
/// <see cref="ClaimRules"/> and give v1's verdicts unchanged.
/// </summary>
public static class ClaimRulesV2
{
    /// <summary>
    /// Claims 1 and 5: an efficiency difference within ±this is practically nil: 20 test images in 10,000. It is below what
    /// a change of libtorch's CPU kernels alone did to identity+msp on the default suite (0.0024, docs/REPRODUCTION.md), a
    /// difference no user could rely on.
    /// </summary>
    public const double EquivalenceMargin = 0.002;

    /// <summary>Claim 5: "beats" = better by more than the equivalence margin (the gain must not be one claim 1 calls nil).</summary>
    public const double SuperiorityMargin = EquivalenceMargin;

    /// <summary>Claim 3: family-wise error rate of Holm's step-down over all candidate comparisons.</summary>
    public const double FamilyAlpha = 0.05;

    /// <summary>Claim 6: "wastes computation" = at least this share of the compute spent goes to samples an earlier exit already had right.</summary>
    public const double MaterialWaste = 0.05;

    /// <summary>Claim 6: the operating point: the cheapest global threshold within this many accuracy points of the last exit (cost_saved_at_matched_accuracy's middle δ).</summary>
    public const double MatchedAccuracyPoints = 0.5;

    /// <summary>Claim 4: the failure-prediction proxies D is built from (eefp_auroc is reported apart: its target is the exit-aware score's).</summary>
    public static IReadOnlyList<string> FailurePredictionProxies { get; } = ["auroc", "aurc", "augrc"];

    /// <summary>Claim 4: reported apart, not in D.</summary>
    public const string ExitAwareProxy = "eefp_auroc";

    /// <summary>Claim 1: supported when ECE is at least halved (r's lower bound ≥ 0.5) and Δ's interval lies within ±margin.</summary>
    public static ClaimVerdict Claim1(Estimate? eceReduction, Estimate? efficiencyChange)
    {
        if (eceReduction is not { HasInterval: true } r || efficiencyChange is not { HasInterval: true } d)
        {
            return ClaimVerdict.Inconclusive;
        }

        if (r.High < ClaimRules.LargeEceReduction || d.Low > EquivalenceMargin || d.High < -EquivalenceMargin)
        {
            return ClaimVerdict.NotSupported;
        }

        return r.Low >= ClaimRules.LargeEceReduction && d.Low >= -EquivalenceMargin && d.High <= EquivalenceMargin ? ClaimVerdict.Supported : ClaimVerdict.Inconclusive;
    }

    /// <summary>Claim 2: as v1 (A: ≥ 2 argmax-keeping calibrators materially reorder; B: dose-response ρ with group-clustered resampling).</summary>
    public static ClaimVerdict Claim2(IReadOnlyList<Estimate> rankPreservation, Estimate? doseResponse) => ClaimRules.Claim2(rankPreservation, doseResponse);

    /// <summary>Claim 3: supported when Holm rejects "no difference" for some candidate with a positive advantage; not supported when no candidate has a positive advantage.</summary>
    public static ClaimVerdict Claim3(int candidates, int winners, int positive) =>
        winners > 0 ? ClaimVerdict.Supported : candidates > 0 && positive == 0 ? ClaimVerdict.NotSupported : ClaimVerdict.Inconclusive;

    /// <summary>Claim 4: as v1 (D's lower bound &gt; 0.25 supported, upper bound &lt; 0.25 not supported).</summary>
    public static ClaimVerdict Claim4(Estimate? difference) => ClaimRules.Claim4(difference);

    /// <summary>Claim 5: supported when Δ's lower bound &gt; margin; not supported when its upper bound &lt; margin.</summary>
    public static ClaimVerdict Claim5(Estimate? advantage)
    {
        if (advantage is not { HasInterval: true } d)
        {
            return ClaimVerdict.Inconclusive;
        }

        return d.Low > SuperiorityMargin ? ClaimVerdict.Supported : d.High < SuperiorityMargin ? ClaimVerdict.NotSupported : ClaimVerdict.Inconclusive;
    }

    /// <summary>
    /// Claim 6: supported when the best-calibrated method's waste share has a lower bound ≥ <see cref="MaterialWaste"/> and
    /// it wastes more images than the best failure-prediction method (lower bound of the difference &gt; 0); not supported
    /// when the waste share's upper bound &lt; <see cref="MaterialWaste"/> or the difference's upper bound &lt; 0.
    /// </summary>
    public static ClaimVerdict Claim6(Estimate? wasteShare, Estimate? moreThanFailurePrediction)
    {
        if (wasteShare is not { HasInterval: true } w || moreThanFailurePrediction is not { HasInterval: true } d)
        {
            return ClaimVerdict.Inconclusive;
        }

        if (w.High < MaterialWaste || d.High < 0)
        {
            return ClaimVerdict.NotSupported;
        }

        return w.Low >= MaterialWaste && d.Low > 0 ? ClaimVerdict.Supported : ClaimVerdict.Inconclusive;
    }

    /// <summary>Holm's step-down: which of <paramref name="pValues"/> are rejected at family-wise level <see cref="FamilyAlpha"/>.</summary>
    public static bool[] Holm(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var order = Enumerable.Range(0, pValues.Count).OrderBy(i => pValues[i]).ToList();
        var rejected = new bool[pValues.Count];
        for (var j = 0; j < order.Count; j++)
        {
            if (pValues[order[j]] > FamilyAlpha / (order.Count - j))
            {
                break;
            }

            rejected[order[j]] = true;
        }

        return rejected;
    }
}
