using EarlyExitBench.Harness.Claims;

namespace EarlyExitBench.Tests.Claims;

/// <summary>The verdict rules of docs/CLAIMS.md, at and around each threshold.</summary>
public class ClaimRulesTests
{
    private static Estimate E(double low, double high) => new((low + high) / 2, low, high);

    [Fact]
    public void Claim1NeedsEceHalvedAndAtMostHalfAPointGained()
    {
        Assert.Equal(ClaimVerdict.Supported, ClaimRules.Claim1(E(0.5, 0.9), E(-0.02, 0.005)));
        Assert.Equal(ClaimVerdict.NotSupported, ClaimRules.Claim1(E(0.2, 0.49), E(-0.02, 0.0)));      // ECE not halved
        Assert.Equal(ClaimVerdict.NotSupported, ClaimRules.Claim1(E(0.6, 0.9), E(0.0051, 0.02)));     // efficiency clearly up
        Assert.Equal(ClaimVerdict.Inconclusive, ClaimRules.Claim1(E(0.4, 0.9), E(-0.01, 0.0)));       // r straddles 0.5
        Assert.Equal(ClaimVerdict.Inconclusive, ClaimRules.Claim1(E(0.6, 0.9), E(0.0, 0.01)));        // Δ straddles 0.005
        Assert.Equal(ClaimVerdict.Inconclusive, ClaimRules.Claim1(new Estimate(0.8, null, null), E(-0.01, 0.0)));
        Assert.Equal(ClaimVerdict.Inconclusive, ClaimRules.Claim1(null, E(-0.01, 0.0)));
    }

    [Fact]
    public void Claim2NeedsTwoReorderingCalibratorsAndAPositiveDoseResponse()
    {
        Estimate[] twoReorder = [E(0.95, 0.985), E(0.7, 0.8), E(0.999, 1)];
        Estimate[] oneReorders = [E(0.7, 0.8), E(0.995, 1), E(0.999, 1)];
        Estimate[] undecided = [E(0.7, 0.8), E(0.98, 0.995), E(0.999, 1)];

        Assert.Equal(ClaimVerdict.Supported, ClaimRules.Claim2(twoReorder, E(0.1, 0.9)));
        Assert.Equal(ClaimVerdict.NotSupported, ClaimRules.Claim2(oneReorders, E(0.1, 0.9)));        // fewer than 2 could reorder
        Assert.Equal(ClaimVerdict.NotSupported, ClaimRules.Claim2(twoReorder, E(-0.9, -0.1)));        // B fails
        Assert.Equal(ClaimVerdict.Inconclusive, ClaimRules.Claim2(undecided, E(0.1, 0.9)));          // one reorders, one undecided
        Assert.Equal(ClaimVerdict.Inconclusive, ClaimRules.Claim2(twoReorder, E(-0.2, 0.9)));
        Assert.Equal(ClaimVerdict.Inconclusive, ClaimRules.Claim2(twoReorder, null));
        Assert.True(ClaimRules.Reorders(E(0.9, 0.9899)));
        Assert.False(ClaimRules.Reorders(E(0.99, 1)));
        Assert.Null(ClaimRules.Reorders(new Estimate(0.5, null, null)));
    }

    [Fact]
    public void Claim3IsExistentialWithABonferroniLevel()
    {
        Assert.Equal(ClaimVerdict.Supported, ClaimRules.Claim3([E(-0.02, -0.01), E(0.001, 0.02)]));
        Assert.Equal(ClaimVerdict.NotSupported, ClaimRules.Claim3([new Estimate(-0.01, -0.02, 0.01), new Estimate(0, -0.01, 0.01)]));
        Assert.Equal(ClaimVerdict.Inconclusive, ClaimRules.Claim3([new Estimate(0.01, -0.01, 0.03)]));
        Assert.Equal(ClaimVerdict.Inconclusive, ClaimRules.Claim3([]));
        Assert.Equal(0.95, ClaimRules.Claim3Confidence(1), 12);
        Assert.Equal(1 - (0.05 / 40), ClaimRules.Claim3Confidence(40), 12);
        Assert.True(ClaimRules.ClearlyLessCalibrated(E(0.001, 0.1)));
        Assert.False(ClaimRules.ClearlyLessCalibrated(E(0, 0.1)));
    }

    [Fact]
    public void Claim4NeedsAMarginOfAQuarter()
    {
        Assert.Equal(ClaimVerdict.Supported, ClaimRules.Claim4(E(0.26, 0.9)));
        Assert.Equal(ClaimVerdict.NotSupported, ClaimRules.Claim4(E(-0.3, 0.24)));
        Assert.Equal(ClaimVerdict.Inconclusive, ClaimRules.Claim4(E(0.2, 0.9)));
        Assert.Equal(ClaimVerdict.Inconclusive, ClaimRules.Claim4(null));
    }

    [Fact]
    public void Claim5IsTheSignOfTheInterval()
    {
        Assert.Equal(ClaimVerdict.Supported, ClaimRules.Claim5(E(0.0001, 0.01)));
        Assert.Equal(ClaimVerdict.NotSupported, ClaimRules.Claim5(E(-0.01, -0.0001)));
        Assert.Equal(ClaimVerdict.Inconclusive, ClaimRules.Claim5(E(0, 0.01)));
        Assert.Equal(ClaimVerdict.Inconclusive, ClaimRules.Claim5(new Estimate(0.01, null, null)));
    }
}
