using CsCheck;
using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Tests.Evaluation;

public class EfficiencyTests
{
    // The two-exit toy of ExitSweepTests: costs (1, 4), points (rel. cost, acc) = (1, .75), (.8125, .75), (.4375, .5), (.25, .5).
    private static readonly bool[][] Correct = [[true, false, true, false], [true, true, true, false]];
    private static readonly double[] Costs = [1, 4];

    private static IReadOnlyList<OperatingPoint> Points() => ExitSweep.Sweep([[0.9, 0.6, 0.6, 0.2], [0, 0, 0, 0]], Correct, Costs);

    [Fact]
    public void Two_exit_toy_by_hand()
    {
        var result = Efficiency.Compute(Points(), Correct, Costs);

        // Front: (0.25, 0.5) then (0.8125, 0.75); (0.4375, 0.5) is no better and (1, 0.75) no better either.
        Assert.Equal([(0.25, 0.5), (0.8125, 0.75)], result.ParetoFront.Select(p => (p.RelativeCost, p.Accuracy)));

        // x_min = 1/4: [0.5·(0.8125 − 0.25) + 0.75·(1 − 0.8125)] / 0.75 = (0.28125 + 0.140625)/0.75 = 0.5625.
        TestData.Close(0.5625, result.Score);
        Assert.Equal(0.5, result.AccuracyAtBudget["0.25"]);
        Assert.Equal(0.5, result.AccuracyAtBudget["0.5"]);
        Assert.Equal(0.5, result.AccuracyAtBudget["0.75"]);
        Assert.Equal(0.75, result.AccuracyAtBudget["1.0"]);

        // Last-exit accuracy 0.75; with n = 4 even δ = 1 point cannot drop a sample, so the cheapest is 3.25 → 1 − 3.25/4.
        Assert.Equal(0.1875, result.CostSavedAtMatchedAccuracy["0"]);
        Assert.Equal(0.1875, result.CostSavedAtMatchedAccuracy["0.5"]);
        Assert.Equal(0.1875, result.CostSavedAtMatchedAccuracy["1"]);

        // Oracle: sample 0 → exit 1, sample 1 → exit 2 (first correct), 2 → exit 1, 3 → never correct → exit 2.
        // Accuracy 3/4, cost (1 + 4 + 1 + 4)/4 = 2.5 → relative 0.625.
        Assert.Equal(new OracleResult(0.75, 0.625), result.Oracle);
    }

    [Fact]
    public void Budget_below_the_cheapest_point_is_zero()
        => Assert.Equal(0, Efficiency.AccuracyAtBudget(Efficiency.ParetoFront(Points()), 0.2));

    [Fact]
    public void Cost_saved_compares_exact_sample_counts()
    {
        // n = 100, costs (1, 2). Last exit: 50 correct; exit 1: 49 correct; one shared exit-1 score.
        // Points: +∞ (acc 0.50, cost 2) and τ (acc 0.49, cost 1). δ = 0 and 0.5 need 50 hits → cost 2 → 0 saved;
        // δ = 1 point allows 49 → cost 1 → half saved.
        var last = Enumerable.Range(0, 100).Select(i => i < 50).ToArray();
        var first = Enumerable.Range(0, 100).Select(i => i < 49).ToArray();
        var result = Efficiency.Compute(ExitSweep.Sweep([new double[100], new double[100]], [first, last], [1, 2]), [first, last], [1, 2]);
        Assert.Equal(0, result.CostSavedAtMatchedAccuracy["0"]);
        Assert.Equal(0, result.CostSavedAtMatchedAccuracy["0.5"]);
        Assert.Equal(0.5, result.CostSavedAtMatchedAccuracy["1"]);
        Assert.Null(Efficiency.CostSavedAtMatchedAccuracy([new OperatingPoint(1, 0.1, 1, 0.5)], last, 0, [1, 2]));
    }

    [Fact]
    public void Equal_costs_score_the_last_exit_accuracy()
    {
        // x_min = 1: the integral is empty; by definition the score is the last exit's accuracy (0.75), even though
        // stopping early here reaches 0.75 too.
        bool[][] correct = [[true, true, true, false], [true, true, true, false]];
        var points = ExitSweep.Sweep([[1, 2, 3, 4], [0, 0, 0, 0]], correct, [3, 3]);
        var result = Efficiency.Compute(points, correct, [3, 3]);
        Assert.Equal(0.75, result.Score);
        Assert.Single(result.ParetoFront);
        Assert.Equal(0.75, result.AccuracyAtBudget["1.0"]);
    }

    [Fact]
    public void Score_integrates_the_step_function()
    {
        // x_min = 0.2; steps (0.2, 0.4), (0.5, 0.6), (0.9, 0.9): [0.4·0.3 + 0.6·0.4 + 0.9·0.1]/0.8 = 0.45/0.8.
        OperatingPoint[] front = [new(3, 0.4, 2, 0.2), new(2, 0.6, 5, 0.5), new(1, 0.9, 9, 0.9)];
        TestData.Close(0.45 / 0.8, Efficiency.Score(front, 0.2, 0.8));

        // A front starting above x_min scores A = 0 on the gap: [0.6·0.4 + 0.9·0.1]/0.8.
        TestData.Close(0.33 / 0.8, Efficiency.Score(front[1..], 0.2, 0.8));
    }

    [Fact]
    public void Pareto_front_keeps_the_highest_threshold_among_equal_points()
    {
        OperatingPoint[] points = [new(1, 0.5, 2, 0.5), new(3, 0.5, 2, 0.5), new(2, 0.4, 1, 0.25), new(0.5, 0.4, 3, 0.75)];
        Assert.Equal([new OperatingPoint(2, 0.4, 1, 0.25), new OperatingPoint(3, 0.5, 2, 0.5)], Efficiency.ParetoFront(points));
    }

    [Fact]
    public void Pareto_front_does_not_depend_on_point_order()
        => Gen.Select(Gen.Int[0, 4].Array[1, 30], Gen.Int[0, 4].Array[30], Gen.Int).Sample((costs, hits, seed) =>
        {
            var points = costs.Select((c, j) => new OperatingPoint(j, hits[j] / 4.0, c + 1, (c + 1) / 5.0)).ToArray();
            var front = Efficiency.ParetoFront(points);
            Assert.Equal(front, Efficiency.ParetoFront(TestData.Permute(points, TestData.Permutation(points.Length, seed))));

            // Brute force: a point is on the front iff no point is at most as costly and strictly more accurate, and it is
            // the highest-threshold point among those with its (cost, accuracy) and no cheaper point is as accurate.
            var expected = points
                .Where(p => !points.Any(q => q.RelativeCost <= p.RelativeCost && q.Accuracy > p.Accuracy))
                .Where(p => !points.Any(q => q.RelativeCost < p.RelativeCost && q.Accuracy >= p.Accuracy))
                .GroupBy(p => (p.RelativeCost, p.Accuracy)).Select(g => g.MaxBy(p => p.Threshold)!)
                .OrderBy(p => p.RelativeCost);
            Assert.Equal(expected, front);
        }, iter: 2_000);

    [Fact]
    public void Oracle_with_one_exit_is_the_exit()
        => Assert.Equal(new OracleResult(0.5, 1), Efficiency.Oracle([[true, false]], [5]));
}
