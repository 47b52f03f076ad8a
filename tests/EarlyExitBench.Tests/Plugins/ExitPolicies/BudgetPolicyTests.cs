using EarlyExitBench.Contracts;
using EarlyExitBench.ExitPolicies.Standard;

namespace EarlyExitBench.Tests.Plugins.ExitPolicies;

public class BudgetPolicyTests
{
    private static readonly double[] Costs = [1, 2, 3, 4];

    [Theory]
    [InlineData(0.4)]
    [InlineData(0.5)]
    [InlineData(0.625)]
    [InlineData(0.8)]
    public void ScheduleIsGeometricAndMeetsTheTargetCost(double budget)
    {
        var (fractions, q) = GeometricSchedule.Solve(Costs, budget * Costs[^1]);

        Assert.Equal(1.0, fractions.Sum(), 12);
        Assert.Equal(budget * Costs[^1], GeometricSchedule.ExpectedCost(Costs, fractions), 9);
        for (var k = 1; k < fractions.Length; k++)
        {
            Assert.Equal(q, fractions[k] / fractions[k - 1], 9);
        }
    }

    [Fact]
    public void ScheduleForTheMidpointOfEqualStepsIsUniform()
    {
        // Costs 1..4 have mean 2.5, so q = 1 (equal shares) is the unique answer for a target of 2.5.
        var (fractions, q) = GeometricSchedule.Solve(Costs, 2.5);

        Assert.Equal(1.0, q, 9);
        Assert.All(fractions, f => Assert.Equal(0.25, f, 9));
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(0.5)]
    [InlineData(0.6)]
    [InlineData(0.75)]
    public void RealisedValidationCostAndExitSharesMatchTheTarget(double budget)
    {
        const int samples = 10000;
        var scores = PolicyInputs.UniformScores(Costs.Length, samples, seed: 51);
        var input = PolicyInputs.SameSplits(scores, PolicyInputs.Constant(Costs.Length, samples), Costs, new int[samples]);

        var assignment = Assert.Single(new BudgetPolicy(new BudgetPolicyOptions { Budgets = [budget] }).Assign(input, CancellationToken.None));

        var relativeCost = assignment.ExitPerSample.Average(k => Costs[k]) / Costs[^1];
        Assert.InRange(relativeCost, budget - 0.002, budget + 0.002);
        var shares = Enumerable.Range(0, Costs.Length).Select(k => assignment.ExitPerSample.Count(e => e == k) / (double)samples).ToArray();
        var (expected, _) = GeometricSchedule.Solve(Costs, budget * Costs[^1]);
        for (var k = 0; k < Costs.Length; k++)
        {
            Assert.InRange(shares[k], expected[k] - 0.001, expected[k] + 0.001);
        }

        // Geometric: consecutive ratios agree.
        var ratios = Enumerable.Range(1, Costs.Length - 1).Select(k => shares[k] / shares[k - 1]).ToArray();
        Assert.All(ratios, r => Assert.InRange(r, ratios[0] * 0.97, ratios[0] * 1.03));
        Assert.Equal($"budget={budget}", assignment.Setting);
    }

    [Fact]
    public void ThresholdsFittedOnValidationAreAppliedToTestScores()
    {
        const int samples = 1000;
        var validation = PolicyInputs.UniformScores(Costs.Length, samples, seed: 52);
        var test = validation.Select(s => s.Select(v => v + 10).ToArray()).ToArray(); // every test score clears every threshold
        var predictions = PolicyInputs.Constant(Costs.Length, samples);
        var input = new ExitPolicyInput(PolicyInputs.Memories(validation), PolicyInputs.Memories(predictions), new int[samples], PolicyInputs.Memories(test), PolicyInputs.Memories(predictions), Costs);

        var assignment = Assert.Single(new BudgetPolicy(new BudgetPolicyOptions { Budgets = [0.5] }).Assign(input, CancellationToken.None));

        Assert.All(assignment.ExitPerSample, exit => Assert.Equal(0, exit));
    }

    [Fact]
    public void BudgetsOutsideTheReachableRangeUseTheFirstOrLastExit()
    {
        const int samples = 100;
        var input = PolicyInputs.SameSplits(PolicyInputs.UniformScores(Costs.Length, samples, seed: 53), PolicyInputs.Constant(Costs.Length, samples), Costs, new int[samples]);

        var assignments = new BudgetPolicy(new BudgetPolicyOptions { Budgets = [0.1, 0.25, 1.0] }).Assign(input, CancellationToken.None);

        Assert.All(assignments[0].ExitPerSample, exit => Assert.Equal(0, exit)); // below cost(0)/cost(K) = 0.25
        Assert.All(assignments[1].ExitPerSample, exit => Assert.Equal(0, exit));
        Assert.All(assignments[2].ExitPerSample, exit => Assert.Equal(3, exit));
    }

    [Fact]
    public void HigherScoresLeaveEarlier()
    {
        // Exit 0's threshold is the n₀-th highest exit-0 score: exactly the top n₀ samples stop there.
        var scores = new[] { new double[] { 0.9, 0.1, 0.8, 0.2, 0.7, 0.3, 0.6, 0.4 }, new double[8], new double[8], new double[8] };
        var (fractions, _) = GeometricSchedule.Solve(Costs, 2.5); // a quarter each: two samples per exit

        var thresholds = BudgetPolicy.FitThresholds(scores, fractions);
        var exits = BudgetPolicy.Apply(scores, thresholds, 4);

        Assert.Equal(0.8, thresholds[0]);
        Assert.Equal(new[] { 0, 0 }, new[] { exits[0], exits[2] });
        Assert.All(new[] { 1, 3, 4, 5, 6, 7 }, i => Assert.NotEqual(0, exits[i]));
    }

    [Fact]
    public void DefaultBudgetsRunFromAFifthToTheFullCost()
    {
        Assert.Equal(new[] { 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0 }, new BudgetPolicyOptions().Budgets);
    }

    [Fact]
    public void RejectsNonPositiveBudgetsAndMismatchedInputs()
    {
        Assert.ThrowsAny<ArgumentException>(() => new BudgetPolicy(new BudgetPolicyOptions { Budgets = [0.5, 0] }));
        var input = new ExitPolicyInput([new double[3]], [new int[3]], new int[3], [new double[3]], [new int[3]], new double[] { 1, 2 });
        Assert.ThrowsAny<ArgumentException>(() => new BudgetPolicy(new BudgetPolicyOptions()).Assign(input, CancellationToken.None));
    }
}
