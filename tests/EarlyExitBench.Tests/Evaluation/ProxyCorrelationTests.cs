using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Tests.Evaluation;

public class ProxyCorrelationTests
{
    private static readonly double[] Efficiency = [0.1, 0.2, 0.3, 0.4];

    private static readonly IReadOnlyDictionary<string, double>[] Proxies =
    [
        new Dictionary<string, double> { ["up"] = 1, ["down"] = 4, ["flat"] = 7, ["rare"] = 1, ["gappy"] = 1 },
        new Dictionary<string, double> { ["up"] = 2, ["down"] = 3, ["flat"] = 7, ["rare"] = 2, ["gappy"] = double.NaN },
        new Dictionary<string, double> { ["up"] = 3, ["down"] = 2, ["flat"] = 7, ["gappy"] = 2 },
        new Dictionary<string, double> { ["up"] = 4, ["down"] = 1, ["flat"] = 7, ["gappy"] = 3 },
    ];

    [Fact]
    public void Monotone_proxies_correlate_fully()
    {
        var result = ProxyCorrelation.Compute(Proxies, Efficiency, 200, 7);
        Assert.Equal(["up", "down", "flat", "rare", "gappy"], result.Keys);
        Assert.Equal(1, result["up"].Spearman);
        Assert.Equal(1, result["up"].Kendall);
        Assert.Equal(-1, result["down"].Spearman);
        Assert.Equal(-1, result["down"].Kendall);

        // Every non-constant resample of a monotone relation is monotone too.
        Assert.Equal([1.0, 1.0], result["up"].SpearmanCi!);
        Assert.Equal([-1.0, -1.0], result["down"].KendallCi!);
        Assert.Equal(4, result["up"].Count);
    }

    [Fact]
    public void Undefined_cases_are_null()
    {
        var result = ProxyCorrelation.Compute(Proxies, Efficiency, 200, 7);
        Assert.Equal(new CorrelationResult(null, null, null, null, 4), result["flat"]);
        Assert.Equal(new CorrelationResult(null, null, null, null, 2), result["rare"]);

        // NaN skips the method: three left, still monotone.
        Assert.Equal(3, result["gappy"].Count);
        Assert.Equal(1, result["gappy"].Spearman);
    }

    [Fact]
    public void Bootstrap_is_deterministic_for_a_seed()
    {
        var random = new Random(3);
        var proxies = Enumerable.Range(0, 12).Select(_ => (IReadOnlyDictionary<string, double>)new Dictionary<string, double> { ["p"] = random.NextDouble() }).ToArray();
        var efficiency = proxies.Select(p => p["p"] + random.NextDouble()).ToArray();
        var a = ProxyCorrelation.Compute(proxies, efficiency, 500, 11)["p"];
        var b = ProxyCorrelation.Compute(proxies, efficiency, 500, 11)["p"];
        var c = ProxyCorrelation.Compute(proxies, efficiency, 500, 12)["p"];
        Assert.Equal(a.SpearmanCi, b.SpearmanCi);
        Assert.Equal(a.KendallCi, b.KendallCi);
        Assert.NotEqual(a.SpearmanCi, c.SpearmanCi);
        Assert.True(a.SpearmanCi![0] <= a.SpearmanCi[1]);
        Assert.Equal(RankCorrelation.Spearman(proxies.Select(p => p["p"]).ToArray(), efficiency), a.Spearman);
    }

    [Fact]
    public void Percentile_interpolates_linearly()
    {
        // h = 4·0.025 = 0.1 → 1 + 0.1·(2 − 1); h = 4·0.975 = 3.9 → 4 + 0.9·(5 − 4).
        var interval = ProxyCorrelation.Interval([5, 3, 1, 4, 2])!;
        TestData.Close(1.1, interval[0]);
        TestData.Close(4.9, interval[1]);
    }

    [Fact]
    public void No_resamples_means_no_intervals()
    {
        var result = ProxyCorrelation.Compute(Proxies, Efficiency, 0, 1)["up"];
        Assert.Null(result.SpearmanCi);
        Assert.Equal(1, result.Spearman);
    }

    [Fact]
    public void AProxyReportedByOneMethodOnlyIsListedWhereItFirstAppears()
    {
        IReadOnlyDictionary<string, double>[] proxies =
        [
            new Dictionary<string, double> { ["up"] = 1 },
            new Dictionary<string, double> { ["up"] = 2 },
            new Dictionary<string, double> { ["up"] = 3, ["solo"] = 0.5 },
            new Dictionary<string, double> { ["up"] = 4 },
        ];
        var result = ProxyCorrelation.Compute(proxies, Efficiency, 0, 7);
        Assert.Equal(["up", "solo"], result.Keys);
        Assert.Equal(new CorrelationResult(null, null, null, null, 1), result["solo"]);
        Assert.Null(result["up"].SpearmanCi);
    }

    [Fact]
    public void IntervalsAreThePercentilesOfExactlyTheRequestedResamples()
    {
        // Not monotone, so resamples differ. One resample is one replicate: both percentiles are that replicate. With two,
        // the 2.5 % and 97.5 % points interpolate between two different replicates (for this seed).
        double[] x = [1, 3, 2, 5, 4, 7, 6, 8];
        double[] y = [1, 2, 3, 4, 5, 6, 7, 8];
        var one = ProxyCorrelation.Correlate(x, y, 1, 11);
        Assert.Equal(one.SpearmanCi![0], one.SpearmanCi[1]);
        Assert.Equal(one.KendallCi![0], one.KendallCi[1]);

        var two = ProxyCorrelation.Correlate(x, y, 2, 11);
        Assert.NotEqual(two.SpearmanCi![0], two.SpearmanCi[1]);
    }
}
