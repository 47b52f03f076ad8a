using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Methods;

namespace EarlyExitBench.Tests.Leaderboard;

public class RankingUncertaintyTests
{
    private static MethodResult Method(string calibrator, int seed, double score, double[]? replicates, double[][]? riskCoverage = null)
    {
        var exit = new ExitMetrics(0, [new MetricValue("accuracy", 0.9), new MetricValue("ece", 0.1), new MetricValue("auroc", 0.8)]);
        var efficiency = new EfficiencyResult(score, new Dictionary<string, double> { ["0.25"] = score, ["0.5"] = score, ["0.75"] = score, ["1.0"] = score },
            new Dictionary<string, double?> { ["0"] = 0.1, ["0.5"] = 0.2, ["1"] = null }, new OracleResult(0.95, 0.3), []);
        return new MethodResult(calibrator, "msp", GlobalThresholdPolicy.Alias, seed, new MethodEvaluation([exit], efficiency), replicates, riskCoverage);
    }

    /// <summary>101 evenly spaced replicates from <paramref name="low"/> in steps of <paramref name="step"/>, shuffled by a fixed rotation.</summary>
    private static double[] Even(double low, double step, int rotate = 0) =>
        Enumerable.Range(0, 101).Select(i => low + (((i + rotate) % 101) * step)).ToArray();

    [Fact]
    public void PercentileIntervalsAndTiesByThePairedGap()
    {
        // a: replicates 0.800 … 0.900 (b-th = 0.800 + 0.001 b); percentiles at positions 2.5 and 97.5: [0.8025, 0.8975].
        // b: a − 0.002 on every replicate, so its interval overlaps a's, yet it is behind on every resample: gap [0.002, 0.002].
        // c: a ± 0.003 alternately, gap −0.003 or +0.003 (51 of each sign, 50 of the other): its gap interval holds 0.
        var a = Even(0.80, 0.001);
        var entries = GroupAssembler.Rank(
        [
            Method("a", 0, 0.85, a),
            Method("b", 0, 0.848, [.. a.Select(v => v - 0.002)]),
            Method("c", 0, 0.8499, [.. a.Select((v, i) => i % 2 == 0 ? v + 0.003 : v - 0.003)]),
        ]);

        Assert.Equal(["a", "c", "b"], entries.Select(e => e.Calibrator));
        Assert.Equal(0.8025, entries[0].Efficiency.ScoreCi![0], 9);
        Assert.Equal(0.8975, entries[0].Efficiency.ScoreCi![1], 9);
        Assert.Equal(0.8005, entries[2].Efficiency.ScoreCi![0], 9);
        Assert.Equal([0.0, 0.0], entries[0].Efficiency.GapToLeaderCi!);
        Assert.Equal(-0.003, entries[1].Efficiency.GapToLeaderCi![0], 9);
        Assert.Equal(0.003, entries[1].Efficiency.GapToLeaderCi![1], 9);
        Assert.Equal(0.002, entries[2].Efficiency.GapToLeaderCi![0], 9);
        Assert.Equal(0.002, entries[2].Efficiency.GapToLeaderCi![1], 9);
        Assert.Equal([true, true, false], entries.Select(e => e.Efficiency.TiedWithLeader!.Value));
    }

    [Fact]
    public void RankIntervalsComeFromPairedReplicates()
    {
        // a beats b on every replicate (a_b = b_b + 0.01), so both ranks are certain even though their intervals overlap;
        // c beats a on half the replicates and loses on the other half.
        var b = Even(0.80, 0.001);
        var a = b.Select(v => v + 0.01).ToArray();
        var c = a.Select((v, i) => i % 2 == 0 ? v + 0.005 : v - 0.005).ToArray();
        var entries = GroupAssembler.Rank([Method("a", 0, 0.86, a), Method("b", 0, 0.85, b), Method("c", 0, 0.859, c)]);

        Assert.Equal(["a", "c", "b"], entries.Select(e => e.Calibrator));
        Assert.Equal([1, 2], entries[0].RankCi!);
        Assert.Equal([1, 2], entries[1].RankCi!);
        Assert.Equal([3, 3], entries[2].RankCi!);

        // Paired, b is behind a on every replicate: not tied, although its interval overlaps a's.
        Assert.Equal([true, true, false], entries.Select(e => e.Efficiency.TiedWithLeader!.Value));
        Assert.True(entries[2].Efficiency.ScoreCi![1] > entries[0].Efficiency.ScoreCi![0]);
    }

    [Fact]
    public void SeedsAverageReplicateByReplicate()
    {
        static double[][] Curves(double exit1, double exit2) => [Enumerable.Repeat(exit1, RiskCoverage.Points).ToArray(), Enumerable.Repeat(exit2, RiskCoverage.Points).ToArray()];
        var entries = GroupAssembler.Rank(
        [
            Method("a", 0, 0.80, [0.70, 0.80, 0.90], Curves(0.1, 0.0)),
            Method("a", 1, 0.90, [0.90, 1.00, 0.70], Curves(0.3, 0.2)),
        ]);

        var averaged = RankingUncertainty.SeedAveraged([Method("a", 0, 0.8, [0.70, 0.80, 0.90]), Method("a", 1, 0.9, [0.90, 1.00, 0.70])])!;
        Assert.Equal(new[] { 0.80, 0.90, 0.80 }, averaged, (x, y) => Math.Abs(x - y) < 1e-12);

        // Percentiles of {0.8, 0.8, 0.9}: positions 0.05 and 1.95 of the sorted values.
        Assert.Equal(0.8, entries[0].Efficiency.ScoreCi![0], 9);
        Assert.Equal(0.895, entries[0].Efficiency.ScoreCi![1], 9);
        Assert.All(entries[0].RiskCoverage!.Risk[0], r => Assert.Equal(0.2, r, 9));
        Assert.All(entries[0].RiskCoverage!.Risk[1], r => Assert.Equal(0.1, r, 9));
        Assert.Equal(RiskCoverage.Grid, entries[0].RiskCoverage!.Coverage);
    }

    [Fact]
    public void WithoutReplicatesThereAreNoIntervalsOrTies()
    {
        var entries = GroupAssembler.Rank([Method("a", 0, 0.8, null), Method("b", 0, 0.7, [])]);

        Assert.All(entries, e =>
        {
            Assert.Null(e.Efficiency.ScoreCi);
            Assert.Null(e.Efficiency.TiedWithLeader);
            Assert.Null(e.Efficiency.GapToLeaderCi);
            Assert.Null(e.RankCi);
        });
        Assert.Null(RankingUncertainty.SeedAveraged([Method("a", 0, 0.8, [0.8]), Method("a", 1, 0.8, null)]));
    }

    [Fact]
    public void IdenticalMethodsShareARankAndARankInterval()
    {
        // "a" and "c" are the same method under two names (same score, same replicate on every resample, as two scores that
        // stop every test sample at the same exit give); "b" sits between them by name and is behind on every resample.
        // Competition ranking: a and c share rank 1 and, on every resample, rank 1; b is third, [3, 3], not [2, 2].
        var a = Even(0.80, 0.001);
        var entries = GroupAssembler.Rank(
        [
            Method("a", 0, 0.85, a),
            Method("b", 0, 0.85, [.. a.Select(v => v - 0.002)]),
            Method("c", 0, 0.85, [.. a]),
            Method("d", 0, 0.70, [.. a.Select(v => v - 0.1)]),
        ]);

        Assert.Equal(["a", "c", "b", "d"], entries.Select(e => e.Calibrator));
        Assert.Equal([1, 1, 3, 4], entries.Select(e => e.Rank));
        Assert.Equal([1, 1], entries[0].RankCi!);
        Assert.Equal([1, 1], entries[1].RankCi!);
        Assert.Equal([3, 3], entries[2].RankCi!);
        Assert.Equal([4, 4], entries[3].RankCi!);
        Assert.Equal([0.0, 0.0], entries[1].Efficiency.GapToLeaderCi!);
    }

    [Fact]
    public void AnEqualScoreWithDifferentReplicatesIsNotATie()
    {
        // Same score on the whole test set, different samples behind it: ranks 1 and 2 as before, the rank intervals from the replicates.
        var a = Even(0.80, 0.001);
        var entries = GroupAssembler.Rank([Method("a", 0, 0.85, a), Method("b", 0, 0.85, [.. a.Select((v, i) => i % 2 == 0 ? v + 0.003 : v - 0.003)])]);

        Assert.Equal([1, 2], entries.Select(e => e.Rank));
        Assert.Equal([1, 2], entries[0].RankCi!);
        Assert.Equal([1, 2], entries[1].RankCi!);
    }
}
