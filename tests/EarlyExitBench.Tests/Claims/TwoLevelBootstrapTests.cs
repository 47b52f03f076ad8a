using EarlyExitBench.Harness.Claims;

namespace EarlyExitBench.Tests.Claims;

public class TwoLevelBootstrapTests
{
    [Theory]
    // Quantiles from printed t tables (e.g. NIST/SEMATECH e-Handbook, table 1.4.3.2), and z_0.975 for infinite df.
    [InlineData(0.975, 1, 12.706)]
    [InlineData(0.975, 2, 4.303)]
    [InlineData(0.975, 5, 2.571)]
    [InlineData(0.975, 12, 2.179)]
    [InlineData(0.95, 10, 1.812)]
    [InlineData(0.975, 100, 1.984)]
    [InlineData(0.975, double.PositiveInfinity, 1.960)]
    public void StudentTQuantileMatchesTheTables(double p, double df, double expected)
    {
        Assert.Equal(expected, StudentT.Quantile(p, df), 3);
        Assert.Equal(-expected, StudentT.Quantile(1 - p, df), 3);
    }

    [Fact]
    public void StudentTCdfOfOneDegreeIsTheCauchy()
    {
        // t with 1 df is the standard Cauchy: F(t) = 1/2 + atan(t)/π.
        foreach (var t in new[] { -3.0, -0.5, 0, 0.7, 2, 10 })
        {
            Assert.Equal(0.5 + (Math.Atan(t) / Math.PI), StudentT.Cdf(t, 1), 9);
        }
    }

    [Fact]
    public void WithoutSeedNoiseTheIntervalIsTheTestReplicatesNormalInterval()
    {
        // Two seeds with the same value: the seed part is 0, so ν = ∞ and the interval is value ± 1.96 · sd(replicates).
        // Replicates of the seed mean: (0 + 2)/2 = 1, (2 + 4)/2 = 3, 1, 3 → sample sd √(4/3).
        var seeds = new List<SeedValue> { new(2.0, [0.0, 2.0, 0.0, 2.0]), new(2.0, [2.0, 4.0, 2.0, 4.0]) };

        var estimate = TwoLevelBootstrap.Mean([seeds], new TwoLevelOptions(500, 1))!;

        var half = 1.959964 * Math.Sqrt(4.0 / 3.0);
        Assert.Equal(2.0, estimate.Value, 12);
        Assert.Equal(2.0 - half, estimate.Low!.Value, 5);
        Assert.Equal(2.0 + half, estimate.High!.Value, 5);
    }

    [Fact]
    public void WithoutTestReplicatesTheIntervalIsTheSeedsTInterval()
    {
        // Seeds 1 and 3, no replicates: bootstrap variance of a 2-draw mean → population variance/2 = 0.5, times S/(S−1) = 2
        // gives s²/S = 1, the classical standard error²; t with 1 df: 2 ± 12.706 (up to bootstrap noise of the variance).
        var seeds = new List<SeedValue> { new(1.0, null), new(3.0, null) };

        var estimate = TwoLevelBootstrap.Mean([seeds], new TwoLevelOptions(20_000, 5))!;

        Assert.Equal(2.0 - 12.706, estimate.Low!.Value, 0);
        Assert.Equal(2.0 + 12.706, estimate.High!.Value, 0);
    }

    [Fact]
    public void PairsMethodsThroughTheSharedTestReplicate()
    {
        // A statistic that is the difference of two methods whose replicates move together by the same amount: the test
        // part cancels, so the interval is as narrow as the seed part alone (here 0: both seeds give 0.5).
        var a = new List<SeedValue> { new(1.0, [0.0, 2.0, 5.0]), new(1.0, [0.0, 2.0, 5.0]) };
        var b = new List<SeedValue> { new(0.5, [-0.5, 1.5, 4.5]), new(0.5, [-0.5, 1.5, 4.5]) };

        var estimate = TwoLevelBootstrap.Components([2], 3, d => TwoLevelBootstrap.MeanOf([a], d) - TwoLevelBootstrap.MeanOf([b], d), new TwoLevelOptions(200, 2))!;

        Assert.Equal(0.5, estimate.Low!.Value, 12);
        Assert.Equal(0.5, estimate.High!.Value, 12);
    }

    [Fact]
    public void OneSeedGivesNoInterval()
    {
        var estimate = TwoLevelBootstrap.Mean([[new SeedValue(0.25, [0.2, 0.3])]], new TwoLevelOptions(100, 1))!;

        Assert.Equal(0.25, estimate.Value);
        Assert.False(estimate.HasInterval);
    }
}
