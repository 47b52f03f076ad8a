using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Tests.Evaluation;

/// <summary>
/// The proxy-correlation bootstrap ranks each resample by counting from the source's dense ranks
/// (<see cref="RankCorrelation.BothDense"/>) instead of sorting its values: it must give the same ρ and τ_b, bit for bit, as
/// ranking the resampled values themselves (<see cref="RankCorrelation.Both"/>), ties and all, or every leaderboard's
/// correlation intervals would move.
/// </summary>
public class DenseRankBootstrapTests
{
    public static TheoryData<int, int, int> Shapes() => new()
    {
        { 2, 1, 1 },        // two points
        { 5, 2, 3 },        // heavy ties on both sides
        { 30, 4, 30 },      // ties in x only
        { 63, 63, 5 },      // ties in y only
        { 630, 1000, 1000 }, // a pooled (method, seed) set of the size the site rebuilds
        { 40, 1, 7 },       // x constant: both statistics undefined
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void CountingRanksGiveTheSameBitsAsSortingTheValues(int n, int xLevels, int yLevels)
    {
        var random = new Random(n * 7919 + xLevels);
        var x = Enumerable.Range(0, n).Select(_ => random.Next(xLevels) * 0.1 - 0.3).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * yLevels) / yLevels).ToArray();
        var (dx, kx) = RankCorrelation.DenseRanks(x);
        var (dy, ky) = RankCorrelation.DenseRanks(y);
        Assert.Equal(x.Distinct().Count(), kx);
        Assert.Equal(y.Distinct().Count(), ky);

        for (var r = 0; r < 200; r++)
        {
            var picks = Enumerable.Range(0, n).Select(_ => random.Next(n)).ToArray();

            var dense = RankCorrelation.BothDense(picks.Select(p => dx[p]).ToArray(), kx, picks.Select(p => dy[p]).ToArray(), ky);
            var sorted = RankCorrelation.Both(picks.Select(p => x[p]).ToArray(), picks.Select(p => y[p]).ToArray());

            Assert.Equal(Bits(sorted.Spearman), Bits(dense.Spearman));
            Assert.Equal(Bits(sorted.Kendall), Bits(dense.Kendall));
        }
    }

    [Fact]
    public void TheBootstrapIntervalsAreThoseOfRankingEveryResampleItsValues()
    {
        var random = new Random(11);
        var x = Enumerable.Range(0, 120).Select(_ => Math.Round(random.NextDouble() * 20) / 20).ToArray();
        var y = x.Select(v => v + Math.Round(random.NextDouble() * 5) / 10).ToArray();

        var result = ProxyCorrelation.Correlate(x, y, 300, 42);

        // The bootstrap as it was written before, ranking each resample's values.
        var draw = new Random(42);
        var (rhos, taus) = (new List<double>(), new List<double>());
        for (var r = 0; r < 300; r++)
        {
            var picks = Enumerable.Range(0, x.Length).Select(_ => draw.Next(x.Length)).ToArray();
            var (rho, tau) = RankCorrelation.Both(picks.Select(p => x[p]).ToArray(), picks.Select(p => y[p]).ToArray());
            if (rho is { } a)
            {
                rhos.Add(a);
            }

            if (tau is { } b)
            {
                taus.Add(b);
            }
        }

        Assert.Equal(ProxyCorrelation.Interval(rhos), result.SpearmanCi);
        Assert.Equal(ProxyCorrelation.Interval(taus), result.KendallCi);
    }

    private static long? Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v) : null;
}
