using CsCheck;
using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Tests.Evaluation;

public class RankCorrelationTests
{
    [Fact]
    public void Kendall_and_spearman_by_hand()
    {
        // One discordant pair of 6: τ = (5 − 1)/6. Spearman: d = (0, 1, 1, 0) → 1 − 6·2/(4·15) = 0.8.
        TestData.Close(4.0 / 6, RankCorrelation.KendallTauB([1, 2, 3, 4], [1, 3, 2, 4]));
        TestData.Close(0.8, RankCorrelation.Spearman([1, 2, 3, 4], [1, 3, 2, 4]));
    }

    [Fact]
    public void Kendall_tau_b_with_ties_by_hand()
    {
        // x = (1, 1, 2, 3), y = (1, 2, 2, 3): 4 concordant, 0 discordant, n0 = 6, one x-tie and one y-tie → 4/√(5·5).
        TestData.Close(0.8, RankCorrelation.KendallTauB([1, 1, 2, 3], [1, 2, 2, 3]));
    }

    [Fact]
    public void Average_ranks_by_hand()
        => Assert.Equal([2.5, 1, 2.5, 4], RankCorrelation.AverageRanks([5, 1, 5, 9]));

    [Fact]
    public void Constant_or_short_inputs_are_undefined()
    {
        Assert.Null(RankCorrelation.KendallTauB([1, 1, 1], [1, 2, 3]));
        Assert.Null(RankCorrelation.Spearman([1, 2, 3], [4, 4, 4]));
        Assert.Null(RankCorrelation.KendallTauB([1], [1]));
        Assert.Null(RankCorrelation.Spearman([1], [1]));
    }

    [Fact]
    public void Kendall_matches_the_quadratic_definition()
        => Gen.Select(Gen.Int[0, 6].Array[2, 60], Gen.Int[0, 6].Array[60]).Sample((xs, ys) =>
        {
            var x = xs.Select(v => (double)v).ToArray();
            var y = ys[..x.Length].Select(v => (double)v).ToArray();
            TestData.Close(ReferenceKendall(x, y), RankCorrelation.KendallTauB(x, y), 1e-12);
        }, iter: 3_000);

    [Fact]
    public void Kendall_on_continuous_values_matches_the_quadratic_definition()
        => Gen.Select(Gen.Double[-1e6, 1e6].Array[2, 200], Gen.Int).Sample((x, seed) =>
        {
            var random = new Random(seed);
            var y = x.Select(v => v + (random.NextDouble() * 1e6)).ToArray();
            TestData.Close(ReferenceKendall(x, y), RankCorrelation.KendallTauB(x, y), 1e-12);
        }, iter: 300);

    [Fact]
    public void Spearman_matches_a_reference()
        => Gen.Select(Gen.Int[0, 6].Array[2, 40], Gen.Int[0, 6].Array[40]).Sample((xs, ys) =>
        {
            var x = xs.Select(v => (double)v).ToArray();
            var y = ys[..x.Length].Select(v => (double)v).ToArray();
            TestData.Close(ReferenceSpearman(x, y), RankCorrelation.Spearman(x, y), 1e-12);
        }, iter: 3_000);

    [Fact]
    public void Kendall_handles_100k_samples_with_heavy_ties()
    {
        // 100,000 samples on 1,001 distinct x values. No time limit here (speed belongs in benchmarks); an O(n²) algorithm
        // would still finish, only slowly. The value is checked against the pairwise reference on the first 3,000.
        var random = new Random(1);
        var x = Enumerable.Range(0, 100_000).Select(_ => Math.Round(random.NextDouble(), 3)).ToArray();
        var y = x.Select(v => v + (0.1 * random.NextDouble())).ToArray();

        var tau = RankCorrelation.KendallTauB(x, y);

        Assert.InRange(tau!.Value, 0.5, 1);
        Assert.Equal(ReferenceKendall(x[..3000], y[..3000])!.Value, RankCorrelation.KendallTauB(x[..3000], y[..3000])!.Value, 12);
    }

    internal static double? ReferenceKendall(double[] x, double[] y)
    {
        long concordant = 0, discordant = 0, tiesX = 0, tiesY = 0, pairs = 0;
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = i + 1; j < x.Length; j++)
            {
                pairs++;
                var dx = Math.Sign(x[i] - x[j]);
                var dy = Math.Sign(y[i] - y[j]);
                tiesX += dx == 0 ? 1 : 0;
                tiesY += dy == 0 ? 1 : 0;
                concordant += dx * dy > 0 ? 1 : 0;
                discordant += dx * dy < 0 ? 1 : 0;
            }
        }

        var denominator = Math.Sqrt((double)(pairs - tiesX) * (pairs - tiesY));
        return denominator == 0 ? null : (concordant - discordant) / denominator;
    }

    internal static double? ReferenceSpearman(double[] x, double[] y)
    {
        // Average rank = 1 + #smaller + (#equal − 1)/2, counted directly.
        double[] Ranks(double[] v) => [.. v.Select(a => 1 + v.Count(b => b < a) + ((v.Count(b => b == a) - 1) / 2.0))];
        var rx = Ranks(x);
        var ry = Ranks(y);
        double mx = rx.Average(), my = ry.Average();
        var sxy = rx.Zip(ry, (a, b) => (a - mx) * (b - my)).Sum();
        var sxx = rx.Sum(a => (a - mx) * (a - mx));
        var syy = ry.Sum(b => (b - my) * (b - my));
        return sxx == 0 || syy == 0 ? null : sxy / Math.Sqrt(sxx * syy);
    }
}
