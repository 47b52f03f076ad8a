using EarlyExitBench.Harness.Claims;
using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Tests.Claims;

public class BootstrapTests
{
    [Fact]
    public void SeedMeanIsTheMeanOfGroupMeans()
    {
        var estimate = Bootstrap.SeedMean([[1.0, 2.0, 3.0], [10.0, 20.0]], resamples: 100, seed: 1)!;

        Assert.Equal((2.0 + 15.0) / 2, estimate.Value, 12);
    }

    [Fact]
    public void WithThreeSeedsThe95PercentIntervalIsTheirRange()
    {
        // The mean of 3 draws equals the smallest value with probability 1/27 ≈ 3.7% > 2.5% (and the largest likewise),
        // so the 2.5% and 97.5% percentiles are the smallest and largest seed (2000 resamples: ~74 expected at each end).
        var estimate = Bootstrap.SeedMean([[0.3, -0.1, 0.2]], resamples: 2000, seed: 7)!;

        Assert.Equal(-0.1, estimate.Low!.Value, 12);
        Assert.Equal(0.3, estimate.High!.Value, 12);
    }

    [Fact]
    public void ResamplesSeedsWithinEachGroupOnly()
    {
        // Constant within groups: any within-group resample keeps each group mean, so the interval collapses to the value;
        // a bootstrap that mixed groups would spread it.
        var estimate = Bootstrap.SeedMean([[1.0, 1.0, 1.0], [5.0, 5.0, 5.0]], resamples: 500, seed: 3)!;

        Assert.Equal(3.0, estimate.Low!.Value, 12);
        Assert.Equal(3.0, estimate.High!.Value, 12);
    }

    [Fact]
    public void OneSeedGivesNoIntervalAndNoValuesNoEstimate()
    {
        Assert.False(Bootstrap.SeedMean([[0.4]], resamples: 100, seed: 1)!.HasInterval);
        Assert.False(Bootstrap.SeedMean([[0.4, 0.5], [0.1]], resamples: 100, seed: 1)!.HasInterval);
        Assert.Null(Bootstrap.SeedMean([[]], resamples: 100, seed: 1));
    }

    [Fact]
    public void IsDeterministicForASeed()
    {
        IReadOnlyList<double>[] values = [[0.1, 0.5, 0.2, 0.9], [0.3, 0.3, 0.8]];

        Assert.Equal(Bootstrap.SeedMean(values, 300, 11), Bootstrap.SeedMean(values, 300, 11));
    }

    [Fact]
    public void PointsResamplesIndicesAndSkipsUndefinedReplicates()
    {
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [2, 1, 4, 3, 5];
        var estimate = Bootstrap.Points([5], picks => RankCorrelation.Spearman(picks[0].Select(i => x[i]).ToArray(), picks[0].Select(i => y[i]).ToArray()), 400, 5)!;

        Assert.Equal(RankCorrelation.Spearman(x, y)!.Value, estimate.Value, 12);
        Assert.True(estimate.Low <= estimate.Value && estimate.Value <= estimate.High);
        Assert.True(estimate.High <= 1);
    }

    [Fact]
    public void PercentileInterpolatesLikeNumPy()
    {
        // numpy.percentile([1, 2, 3, 4], 10) = 1.3; [..., 97.5] = 3.925.
        Assert.Equal(1.3, ProxyCorrelation.Percentile([1.0, 2, 3, 4], 0.10), 12);
        Assert.Equal(3.925, ProxyCorrelation.Percentile([1.0, 2, 3, 4], 0.975), 12);
    }
}
