using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Methods;

namespace EarlyExitBench.Tests.Evaluation;

/// <summary>
/// Thresholds chosen on validation, applied to test: a case worked by hand, a brute-force reference (every candidate
/// threshold simulated sample by sample, the budget rule applied as stated, the area integrated over its breakpoints)
/// and the identities that must hold.
/// </summary>
public class DeployableTests
{
    private static readonly double[] TwoExitCosts = [1, 2];

    // Validation: exit-1 scores 0.9, 0.8, 0.6, 0.3; exit 1 right on samples 0 and 2; exit 2 always right.
    private static readonly double[][] ValidationScores = [[0.9, 0.8, 0.6, 0.3], [0, 0, 0, 0]];
    private static readonly bool[][] ValidationCorrect = [[true, false, true, false], [true, true, true, true]];

    // Test: exit-1 scores 0.95, 0.7, 0.5, 0.2; exit 1 right on 1 and 2; exit 2 right on 0, 1 and 3.
    private static readonly double[][] TestScores = [[0.95, 0.7, 0.5, 0.2], [0, 0, 0, 0]];
    private static readonly bool[][] TestCorrect = [[false, true, true, false], [true, true, false, true]];

    [Fact]
    public void Two_exits_by_hand_and_the_oracle_is_strictly_above()
    {
        // Validation points (τ: relative cost, accuracy): +∞ (1, 1), 0.9 (7/8, 1), 0.8 (3/4, 3/4), 0.6 (5/8, 3/4), 0.3 (1/2, 1/2).
        // Front: 0.3 (1/2, 1/2), 0.6 (5/8, 3/4), 0.9 (7/8, 1). Chosen: τ = 0.3 for b ∈ [1/2, 5/8), 0.6 for [5/8, 7/8), 0.9 for [7/8, 1].
        // On test: τ = 0.3 stops 0, 1, 2 at exit 1 (wrong, right, right), 3 runs on (right): accuracy 3/4, relative cost 5/8.
        //          τ = 0.6 stops 0, 1 (wrong, right), 2 and 3 run on (wrong, right): 1/2 at 3/4.
        //          τ = 0.9 stops 0 (wrong); 1, 2, 3 run on (right, wrong, right): 1/2 at 7/8.
        // Area over [1/2, 1] / (1/2): (3/4·1/8 + 1/2·1/4 + 1/2·1/8) / (1/2) = 0.5625.
        var result = Deployable.Compute(ValidationScores, ValidationCorrect, TestScores, TestCorrect, TwoExitCosts);

        Assert.Equal(0.5625, result.Score, 12);

        // The test-set sweep: +∞ (1, 3/4), 0.95 (7/8, 1/2), 0.7 (3/4, 1/2), 0.5 (5/8, 3/4), 0.2 (1/2, 1/2); front (1/2, 1/2),
        // (5/8, 3/4); its area (1/2·1/8 + 3/4·3/8)/(1/2) = 0.6875 > 0.5625: choosing on test flatters the method.
        var oracle = Efficiency.Compute(ExitSweep.Sweep(TestScores, TestCorrect, TwoExitCosts), TestCorrect, TwoExitCosts);
        Assert.Equal(0.6875, oracle.Score, 12);
        Assert.True(oracle.Score > result.Score);

        // Budgets 0.2, 0.3, 0.4 are below x_min = 1/2 and left out.
        Assert.Equal([0.5, 0.6, 0.7, 0.8, 0.9, 1.0], result.Budgets.Select(b => b.Budget));
        Assert.Equal([0.3, 0.3, 0.6, 0.6, 0.9, 0.9], result.Budgets.Select(b => b.Global.Thresholds.Single()));
        Assert.Equal([0.75, 0.75, 0.5, 0.5, 0.5, 0.5], result.Budgets.Select(b => b.Global.Accuracy));
        Assert.Equal([0.625, 0.625, 0.75, 0.75, 0.875, 0.875], result.Budgets.Select(b => b.Global.RelativeCost));
        Assert.Equal([1.25, 1.25, 1.5, 1.5, 1.75, 1.75], result.Budgets.Select(b => b.Global.MeanCost));
        Assert.Equal([0.5, 0.5, 0.75, 0.75, 1.0, 1.0], result.Budgets.Select(b => b.Global.ValidationAccuracy));
        Assert.Equal([0.5, 0.5, 0.625, 0.625, 0.875, 0.875], result.Budgets.Select(b => b.Global.ValidationRelativeCost));
        Assert.Equal([0.5, 0.5, 0.75, 0.75, 0.75, 0.75], result.Budgets.Select(b => b.OracleAccuracy));

        // At b = 0.5 the threshold chosen on validation costs 5/8 on test: the budget is overrun, and reported as such.
        Assert.True(result.Budgets[0].Global.RelativeCost > result.Budgets[0].Budget);

        // Shares (weights 1/4, 1/2, 1/4 of τ = 0.3, 0.6, 0.9): sample 0 wrong everywhere it stops → 0; sample 1 right at
        // both exits → 1; sample 2 right at exit 1 only under τ = 0.3 → 1/4; sample 3 stops at exit 2 (right) under all → 1.
        Assert.Equal([0, 1, 0.25, 1], result.PerSample);

        // One decision exit: the same quantile of its validation scores is a global threshold; the rules coincide.
        Assert.Equal(result.Score, result.PerExitScore, 12);
        Assert.Equal([0.3, 0.3, 0.6, 0.6, 0.9, 0.9], result.Budgets.Select(b => b.PerExit.Thresholds.Single()));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(3, 4)]
    public void Validation_equal_to_test_gives_the_oracle_point_at_every_budget(int seed, int exits)
    {
        var (scores, correct, costs) = Random(seed, 300, exits);

        var result = Deployable.Compute(scores, correct, scores, correct, costs);
        var oracle = Efficiency.Compute(ExitSweep.Sweep(scores, correct, costs), correct, costs);

        Assert.Equal(oracle.Score, result.Score, 12);
        Assert.NotEmpty(result.Budgets);
        foreach (var budget in result.Budgets)
        {
            Assert.Equal(budget.OracleAccuracy, budget.Global.Accuracy);
            Assert.Equal(budget.Global.ValidationAccuracy, budget.Global.Accuracy);
            Assert.True(budget.Global.RelativeCost <= budget.Budget);
        }

        Assert.Equal(result.Score, result.PerSample.Average(), 12);
    }

    [Theory]
    [InlineData(11, 2, 60, 90)]
    [InlineData(12, 3, 50, 70)]
    [InlineData(13, 3, 80, 40)]
    [InlineData(14, 4, 40, 60)]
    public void Both_rules_match_a_brute_force_search(int seed, int exits, int validationSize, int testSize)
    {
        var (validation, validationCorrect, costs) = Random(seed, validationSize, exits);
        var (test, testCorrect, _) = Random(seed + 100, testSize, exits);

        var result = Deployable.Compute(validation, validationCorrect, test, testCorrect, costs);

        // Global: every distinct validation score of exits 1..K−1, and +∞, as one threshold for all exits.
        var globalCandidates = validation.Take(exits - 1).SelectMany(s => s).Distinct().Append(double.PositiveInfinity)
            .Select(t => (Key: t, Thresholds: Enumerable.Repeat(t, exits - 1).ToArray())).ToList();

        // Per exit: for c = 1..m, exit k's threshold is the c-th smallest validation score of exit k; and +∞.
        var sorted = validation.Take(exits - 1).Select(s => s.Order().ToArray()).ToList();
        var perExitCandidates = Enumerable.Range(1, validationSize)
            .Select(c => (Key: (double)c, Thresholds: sorted.Select(s => s[c - 1]).ToArray()))
            .Append((Key: double.PositiveInfinity, Thresholds: Enumerable.Repeat(double.PositiveInfinity, exits - 1).ToArray()))
            .ToList();

        var (globalScore, globalAt) = BruteForce(globalCandidates, validation, validationCorrect, test, testCorrect, costs);
        var (perExitScore, perExitAt) = BruteForce(perExitCandidates, validation, validationCorrect, test, testCorrect, costs);

        Assert.Equal(globalScore, result.Score, 12);
        Assert.Equal(perExitScore, result.PerExitScore, 12);
        Assert.Equal(result.Score, result.PerSample.Average(), 12);
        foreach (var budget in result.Budgets)
        {
            var (thresholds, accuracy, relativeCost) = globalAt(budget.Budget);
            Assert.Equal(thresholds[0], budget.Global.Thresholds.Single());
            Assert.Equal(accuracy, budget.Global.Accuracy, 12);
            Assert.Equal(relativeCost, budget.Global.RelativeCost, 12);
            (thresholds, accuracy, relativeCost) = perExitAt(budget.Budget);
            Assert.Equal(thresholds, budget.PerExit.Thresholds);
            Assert.Equal(accuracy, budget.PerExit.Accuracy, 12);
            Assert.Equal(relativeCost, budget.PerExit.RelativeCost, 12);
        }

        Assert.Equal(Deployable.Budgets.Where(b => b >= costs[0] / costs[^1]), result.Budgets.Select(b => b.Budget));
    }

    [Fact]
    public void A_bootstrap_replicate_is_the_score_of_the_materialised_resample()
    {
        // The resamples as EfficiencyBootstrap documents them: Random(Seed), n draws of Next(n) per replicate.
        const int n = 120;
        var (validation, validationCorrect, costs) = Random(21, 90, 3);
        var (test, testCorrect, _) = Random(22, n, 3);
        var result = Deployable.Compute(validation, validationCorrect, test, testCorrect, costs);

        var replicates = EfficiencyBootstrap.Create(5, n).Mean(result.PerSample);

        var random = new Random(EfficiencyBootstrap.Seed);
        for (var b = 0; b < 5; b++)
        {
            var draw = Enumerable.Range(0, n).Select(_ => random.Next(n)).ToArray();
            var resampled = Deployable.Compute(validation, validationCorrect, test.Select(s => draw.Select(i => s[i]).ToArray()).ToList(), testCorrect.Select(c => draw.Select(i => c[i]).ToArray()).ToList(), costs);
            Assert.Equal(Math.Round(resampled.Score, 6), replicates[b], 6);
        }
    }

    /// <summary>
    /// The rule as stated, by brute force: each candidate simulated sample by sample on both splits; for budget b the candidate
    /// of highest validation accuracy with validation relative cost ≤ b (then the cheapest, then the highest key); the area of
    /// D over [x_min, 1] summed between consecutive breakpoints (every candidate's validation cost), D read at each left end.
    /// </summary>
    private static (double Score, Func<double, (double[] Thresholds, double Accuracy, double RelativeCost)> At) BruteForce(
        List<(double Key, double[] Thresholds)> candidates, double[][] validation, bool[][] validationCorrect, double[][] test, bool[][] testCorrect, double[] costs)
    {
        var measured = candidates.Select(c => (c.Key, c.Thresholds, Validation: Simulate(validation, validationCorrect, costs, c.Thresholds), Test: Simulate(test, testCorrect, costs, c.Thresholds))).ToList();
        (double[], double, double) At(double budget)
        {
            var best = measured.Where(m => m.Validation.RelativeCost <= budget)
                .OrderByDescending(m => m.Validation.Accuracy).ThenBy(m => m.Validation.RelativeCost).ThenByDescending(m => m.Key).First();
            return (best.Thresholds, best.Test.Accuracy, best.Test.RelativeCost);
        }

        var minimum = costs[0] / costs[^1];
        var breaks = measured.Select(m => m.Validation.RelativeCost).Append(minimum).Append(1).Where(x => x >= minimum && x <= 1).Distinct().Order().ToList();
        double area = 0;
        for (var j = 0; j + 1 < breaks.Count; j++)
        {
            area += At(breaks[j]).Item2 * (breaks[j + 1] - breaks[j]);
        }

        return (area / (1 - minimum), At);
    }

    /// <summary>A sample stops at the first exit k &lt; K with s_k ≥ t_k, else at the last; accuracy and mean cost over cost(K).</summary>
    private static (double Accuracy, double RelativeCost) Simulate(double[][] scores, bool[][] correct, double[] costs, double[] thresholds)
    {
        var n = correct[0].Length;
        var counts = new long[costs.Length];
        var hits = 0;
        for (var i = 0; i < n; i++)
        {
            var k = 0;
            while (k < costs.Length - 1 && !(scores[k][i] >= thresholds[k]))
            {
                k++;
            }

            counts[k]++;
            hits += correct[k][i] ? 1 : 0;
        }

        // Mean cost the way every path of the harness rounds it, so equal costs compare equal.
        return ((double)hits / n, ExitSweep.MeanCost(counts, n, costs) / costs[^1]);
    }

    /// <summary>Scores on a coarse grid (ties within and across exits), correctness rising with the score and the exit.</summary>
    private static (double[][] Scores, bool[][] Correct, double[] Costs) Random(int seed, int n, int exits)
    {
        var random = new Random(seed);
        var scores = Enumerable.Range(0, exits).Select(_ => Enumerable.Range(0, n).Select(_ => random.Next(15) / 14.0).ToArray()).ToArray();
        var correct = Enumerable.Range(0, exits).Select(k => scores[k].Select(s => random.NextDouble() < 0.3 + (0.4 * s) + (0.1 * k)).ToArray()).ToArray();
        double[] costs = [.. Enumerable.Range(1, exits).Select(k => k * 1.5)];
        return (scores, correct, costs);
    }
}
