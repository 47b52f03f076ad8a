namespace EarlyExitBench.Harness.Claims;

/// <summary>Rules v2 (docs/CLAIMS.md, "Rules v2"): claims 1–6 with two-level intervals, margins, fixed predictors and Holm.</summary>
internal static class ClaimsV2
{
    public static List<ClaimResult> Evaluate(ClaimsData data, ClaimsOptions options) =>
    [
        CalibrationEquivalenceClaim.Evaluate(data, options),
        ArgmaxReorderingClaim.Evaluate(data, options),
        FixedPredictorClaim.Evaluate(data, options),
        HeldFixedProxyClaim.Evaluate(data, options),
        ExitAwareMarginClaim.Evaluate(data, options),
        WastedComputeClaim.Evaluate(data, options),
    ];
}
