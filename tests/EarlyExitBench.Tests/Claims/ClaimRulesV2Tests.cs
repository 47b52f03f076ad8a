using EarlyExitBench.Harness.Claims;

namespace EarlyExitBench.Tests.Claims;

public class ClaimRulesV2Tests
{
    private static Estimate E(double low, double high) => new((low + high) / 2, low, high);

    [Fact]
    public void HolmStepsDownAndStopsAtTheFirstFailure()
    {
        // m = 4, α = 0.05, sorted 0.001 ≤ 0.05/4, 0.013 ≤ 0.05/3, 0.02 ≤ 0.05/2, 0.03 ≤ 0.05/1: all rejected
        // (Bonferroni, 0.05/4 = 0.0125 for each, would reject only 0.001).
        Assert.Equal([true, true, true, true], ClaimRulesV2.Holm([0.013, 0.001, 0.03, 0.02]));
        // 0.001 ≤ 0.0125 rejected; 0.02 > 0.0167 → stop, nothing after.
        Assert.Equal([true, false, false, false], ClaimRulesV2.Holm([0.001, 0.02, 0.021, 0.04]));
        // Bonferroni would reject none of 0.014 × 4 = 0.056; Holm neither, its first step is Bonferroni's.
        Assert.Equal([false, false, false, false], ClaimRulesV2.Holm([0.014, 0.014, 0.014, 0.014]));
    }

    [Fact]
    public void Claim1IsAnEquivalenceTestWithinTwentyImages()
    {
        var halved = E(0.6, 0.8);
        Assert.Equal(ClaimVerdict.Supported, ClaimRulesV2.Claim1(halved, E(0.0004, 0.0007)));
        Assert.Equal(ClaimVerdict.Inconclusive, ClaimRulesV2.Claim1(halved, E(0.0010, 0.0025)));
        Assert.Equal(ClaimVerdict.NotSupported, ClaimRulesV2.Claim1(halved, E(0.0021, 0.0030)));
        Assert.Equal(ClaimVerdict.NotSupported, ClaimRulesV2.Claim1(halved, E(-0.0030, -0.0021)));
        Assert.Equal(ClaimVerdict.NotSupported, ClaimRulesV2.Claim1(E(0.3, 0.45), E(0.0004, 0.0007)));
    }

    [Fact]
    public void Claim5NeedsMoreThanTheMargin()
    {
        Assert.Equal(ClaimVerdict.Inconclusive, ClaimRulesV2.Claim5(E(0.0002, 0.0004) with { High = 0.0025 }));
        Assert.Equal(ClaimVerdict.NotSupported, ClaimRulesV2.Claim5(E(0.0002, 0.0004)));
        Assert.Equal(ClaimVerdict.Supported, ClaimRulesV2.Claim5(E(0.0021, 0.0040)));
    }

    [Fact]
    public void Claim6NeedsMaterialWasteAndMoreThanFailurePrediction()
    {
        Assert.Equal(ClaimVerdict.Supported, ClaimRulesV2.Claim6(E(0.06, 0.10), E(5, 40)));
        Assert.Equal(ClaimVerdict.NotSupported, ClaimRulesV2.Claim6(E(0.01, 0.04), E(5, 40)));
        Assert.Equal(ClaimVerdict.NotSupported, ClaimRulesV2.Claim6(E(0.06, 0.10), E(-40, -5)));
        Assert.Equal(ClaimVerdict.Inconclusive, ClaimRulesV2.Claim6(E(0.06, 0.10), E(-5, 40)));
    }

    [Fact]
    public void ComponentsPValueIsTheTwoSidedTTail()
    {
        // t = 0.3 / 0.1 = 3 with 2 df: two-sided p = 1 − 3/√(2 + 9) = 0.0955 (closed form of the t_2 CDF).
        var fit = new ComponentsFit(0.3, 0.1, 2);

        Assert.Equal(1 - (3 / Math.Sqrt(11)), fit.PValue(new TwoLevelOptions(1, 1))!.Value, 6);
    }
}
