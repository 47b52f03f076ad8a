using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Methods;

namespace EarlyExitBench.Tests.Leaderboard;

public class GroupAssemblerTests
{
    private static MethodResult Method(string calibrator, string predictor, int seed, double score, double auroc, double ece, string policy = GlobalThresholdPolicy.Alias)
    {
        string[] names = ["accuracy", "ece", "adaptive_ece", "mce", "classwise_ece", "brier", "nll", "auroc", "aupr_error", "fpr95", "aurc", "eaurc", "augrc", "eefp_auroc", "rank_preservation"];
        double?[] values = [0.9, ece, ece, ece, ece, 0.1, 0.3, auroc, 0.5, 0.2, 0.05, 0.01, 0.02, null, 1];
        var exit = new ExitMetrics(0, [.. names.Zip(values, (n, v) => new MetricValue(n, v))]);
        var efficiency = new EfficiencyResult(score, new Dictionary<string, double> { ["0.25"] = score, ["0.5"] = score, ["0.75"] = score, ["1.0"] = score },
            new Dictionary<string, double?> { ["0"] = 0.1, ["0.5"] = 0.2, ["1"] = null }, new OracleResult(0.95, 0.3), []);
        return new MethodResult(calibrator, predictor, policy, seed, new MethodEvaluation([exit, exit with { Exit = 1 }], efficiency));
    }

    [Fact]
    public void RanksByMeanScoreOverSeedsAndAveragesMetrics()
    {
        var entries = GroupAssembler.Rank(
        [
            Method("a", "x", 0, 0.70, 0.8, 0.1), Method("a", "x", 1, 0.90, 0.9, 0.3),   // mean 0.80
            Method("b", "x", 0, 0.85, 0.7, 0.2), Method("b", "x", 1, 0.85, 0.7, 0.2),   // mean 0.85
        ]);

        Assert.Equal(["b", "a"], entries.Select(e => e.Calibrator));
        Assert.Equal([1, 2], entries.Select(e => e.Rank));
        Assert.Equal(0.80, entries[1].Efficiency.Score, 12);
        Assert.Equal(0.2, entries[1].PerExit[0].Ece, 12);
        Assert.Equal(0.85, entries[1].PerExit[0].Auroc!.Value, 12);
        Assert.Equal([1, 2], entries[1].PerExit.Select(p => p.Exit));
        Assert.Null(entries[1].Efficiency.CostSavedAtMatchedAccuracy["1"]);
        Assert.Equal([0, 1], entries[1].PerSeed.Select(s => s.Seed));
    }

    [Fact]
    public void CorrelatesSeedAveragedGlobalThresholdMethodsOnly()
    {
        // AUROC rises with the score; ECE is unrelated (order 2, 0, 3, 1). Policy entries must be ignored.
        var methods = new List<MethodResult>();
        double[] eces = [0.3, 0.1, 0.4, 0.2];
        for (var m = 0; m < 4; m++)
        {
            foreach (var seed in new[] { 0, 1 })
            {
                methods.Add(Method($"c{m}", "msp", seed, 0.5 + (0.1 * m) + (0.01 * seed), 0.6 + (0.05 * m), eces[m]));
                methods.Add(Method($"c{m}", "msp", seed, 1 - (0.1 * m), 0.6 + (0.05 * m), eces[m], policy: "patience"));
            }
        }

        var averaged = GroupAssembler.Correlate(methods, resamples: 200, seed: 1);
        var pooled = GroupAssembler.Correlate(methods, resamples: 200, seed: 1, pooled: true);

        Assert.Equal(4, averaged["auroc"].Count);
        Assert.Equal(1.0, averaged["auroc"].Spearman!.Value, 12);
        Assert.Equal(1.0, averaged["auroc@exit2"].Kendall!.Value, 12);
        // Spearman of ranks (3,1,4,2) vs (1,2,3,4): 1 − 6·(4+1+1+4)/(4·15) = 0.
        Assert.Equal(0.0, averaged["ece"].Spearman!.Value, 12);
        Assert.Equal(8, pooled["auroc"].Count);
        Assert.DoesNotContain("eefp_auroc@exit2", averaged.Keys);
    }
}
