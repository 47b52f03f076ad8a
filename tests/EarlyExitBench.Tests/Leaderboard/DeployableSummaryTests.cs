using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Methods;

namespace EarlyExitBench.Tests.Leaderboard;

public class DeployableSummaryTests
{
    private static MethodResult Method(int seed, double score, double deployable, double[]? replicates, double[]? deployableReplicates, params DeployableBudget[] budgets)
    {
        var exit = new ExitMetrics(0, [new MetricValue("accuracy", 0.9)]);
        var efficiency = new EfficiencyResult(score, new Dictionary<string, double> { ["0.25"] = score, ["0.5"] = score, ["0.75"] = score, ["1.0"] = score },
            new Dictionary<string, double?> { ["0"] = 0.1, ["0.5"] = 0.2, ["1"] = null }, new OracleResult(0.95, 0.3), []);
        return new MethodResult("temperature", "msp", GlobalThresholdPolicy.Alias, seed, new MethodEvaluation([exit], efficiency), replicates)
        {
            Deployable = new DeployableResult(deployable, deployable - 0.01, budgets),
            DeployableReplicates = deployableReplicates,
        };
    }

    private static DeployableBudget Budget(double budget, double accuracy, double cost) =>
        new(budget, accuracy + 0.05, new DeployedPoint([0.5], accuracy + 0.01, budget, accuracy, cost * 10, cost), new DeployedPoint([0.4, 0.6], accuracy, budget, accuracy - 0.02, cost * 10, cost));

    [Fact]
    public void SeedsAreAveragedAndTheGapIntervalIsPaired()
    {
        // Seed 0: oracle 0.80, deployable 0.78; seed 1: 0.90, 0.86. Replicates per seed; seed-averaged: oracle (0.85, 0.86, 0.84),
        // deployable (0.82, 0.80, 0.83), so the paired gap replicates are 0.03, 0.06, 0.01 and the gap is 0.85 − 0.82 = 0.03.
        var seeds = new[]
        {
            Method(0, 0.80, 0.78, [0.80, 0.82, 0.78], [0.78, 0.76, 0.79], Budget(0.5, 0.70, 0.48), Budget(1.0, 0.80, 0.9)),
            Method(1, 0.90, 0.86, [0.90, 0.90, 0.90], [0.86, 0.84, 0.87], Budget(0.5, 0.74, 0.52), Budget(1.0, 0.84, 0.95)),
        };

        var summary = DeployableSummary.Of(seeds)!;

        Assert.Equal(0.82, summary.Score, 12);
        Assert.Equal(0.03, summary.OracleGap, 12);
        Assert.Equal(0.81, summary.PerExitScore, 12);
        Assert.Equal(DeployableSummary.ThresholdSource, summary.ThresholdSource);

        // Percentiles (NumPy linear) of the sorted replicates, positions 0.05 and 1.95.
        Assert.Equal(0.80 + (0.05 * 0.02), summary.ScoreCi![0], 9);
        Assert.Equal(0.82 + (0.95 * 0.01), summary.ScoreCi![1], 9);
        Assert.Equal(0.01 + (0.05 * 0.02), summary.OracleGapCi![0], 9);
        Assert.Equal(0.03 + (0.95 * 0.03), summary.OracleGapCi![1], 9);

        Assert.Equal([0.5, 1.0], summary.Budgets.Select(b => b.Budget));
        Assert.Equal(0.72, summary.Budgets[0].Global.Accuracy, 12);
        Assert.Equal(0.50, summary.Budgets[0].Global.RelativeCost, 12);
        Assert.Equal(5.0, summary.Budgets[0].Global.MeanCost, 12);
        Assert.Equal(0.77, summary.Budgets[0].OracleAccuracy, 12);
        Assert.Equal(0.70, summary.Budgets[0].PerExit.Accuracy, 12);
        Assert.Equal(0.925, summary.Budgets[1].Global.RelativeCost, 12);
    }

    [Fact]
    public void WithoutASeedsDeployableThereIsNone_AndWithoutReplicatesNoIntervals()
    {
        var with = Method(0, 0.8, 0.78, null, null, Budget(0.5, 0.7, 0.5));
        var without = with with { Seed = 1, Deployable = null };

        Assert.Null(DeployableSummary.Of([with, without]));
        var alone = DeployableSummary.Of([with])!;
        Assert.Null(alone.ScoreCi);
        Assert.Null(alone.OracleGapCi);
        Assert.Equal(0.02, alone.OracleGap, 12);
    }

    [Fact]
    public void TheEntryCarriesIt_OtherPoliciesDoNot()
    {
        var global = Method(0, 0.8, 0.78, [0.8], [0.78], Budget(0.5, 0.7, 0.5));
        var budget = new MethodResult("temperature", "msp", "budget", 0, global.Evaluation, [0.7]);

        var entries = GroupAssembler.Rank([global, budget]);

        Assert.Equal(0.78, entries.Single(e => e.ExitPolicy == GlobalThresholdPolicy.Alias).Efficiency.Deployable!.Score, 12);
        Assert.Null(entries.Single(e => e.ExitPolicy == "budget").Efficiency.Deployable);
    }
}
