using CsCheck;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Evaluation.Metrics;

namespace EarlyExitBench.Tests.Evaluation;

public class MethodEvaluatorTests
{
    [Fact]
    public void Two_exit_toy_end_to_end()
    {
        // Exit 1 predicts (0, 1, 1, 0) with conf (0.75, 0.625, 0.625, 0.5); labels (0, 0, 1, 1) → correct (✓, ✗, ✓, ✗).
        // Exit 2 predicts (0, 0, 1, 0) → correct (✓, ✓, ✓, ✗). Scores = confidence; costs (1, 4).
        var exit1 = TestData.Matrix([[0.75f, 0.25f], [0.375f, 0.625f], [0.375f, 0.625f], [0.5f, 0.5f]]);
        var exit2 = TestData.Matrix([[1f, 0f], [0.75f, 0.25f], [0.25f, 0.75f], [0.75f, 0.25f]]);
        double[][] scores = [[0.75, 0.625, 0.625, 0.5], [1, 0.75, 0.75, 0.75]];
        var result = MethodEvaluator.Evaluate(new EvaluationInput([exit1, exit2], scores, [0, 0, 1, 1], [1, 4], scores));

        var first = result.PerExit[0];
        Assert.Equal(0, first.Exit);
        Assert.Equal(0.5, first.Accuracy);

        // ECE (M = 15): 0.75 ✓ alone in (11/15, 12/15]: |1 − 0.75| = 0.25; 0.625 ✗ and ✓ in (9/15, 10/15]: |1 − 1.25| = 0.25;
        // 0.5 ✗ alone in (7/15, 8/15]: 0.5 → (0.25 + 0.25 + 0.5)/4 = 0.25. MCE = max(0.25, 0.125, 0.5) = 0.5.
        TestData.Close(0.25, first.Ece);
        TestData.Close(0.5, first["mce"]);

        // Scores (0.75 ✓, 0.625 ✗, 0.625 ✓, 0.5 ✗): AUROC = (1 + 1 + ½ + 1)/4 = 0.875.
        TestData.Close(0.875, first.Auroc);

        // Safe to stop at exit 1: ✓ or last ✗ → (✓, ✗, ✓, ✓): safe {0.75, 0.625, 0.5} vs unsafe {0.625}: (1 + ½ + 0)/3.
        TestData.Close(0.5, first["eefp_auroc"]);
        Assert.Equal(1.0, first["rank_preservation"]);
        Assert.Null(result.PerExit[1]["eefp_auroc"]);

        // Brier exit 1 per sample: 2·0.25² = 0.125, 2·0.625² = 0.78125, 2·0.375² = 0.28125, 2·0.5² = 0.5 → 1.6875/4.
        TestData.Close(1.6875 / 4, first["brier"]);
        Assert.Equal(0.75, result.PerExit[1].Accuracy);

        // Sweep: +∞ (0.75, 4); 0.75 (0.75, 3.25); 0.625 (0.5, 1.75); 0.5 (0.5, 1): the ExitSweepTests toy again → 0.5625.
        TestData.Close(0.5625, result.Efficiency.Score);
    }

    [Fact]
    public void Rank_preservation_is_null_without_scores_before()
    {
        var input = RandomInput(new Random(1), 3, 20, 4) with { ScoresBeforeCalibration = null };
        Assert.All(MethodEvaluator.Evaluate(input).PerExit, m => Assert.Null(m["rank_preservation"]));
    }

    [Fact]
    public void Single_sample_single_exit()
    {
        var result = MethodEvaluator.Evaluate(new EvaluationInput([TestData.Matrix([[0.25f, 0.75f]])], [[0.75]], [1], [2.0]));
        var m = result.PerExit.Single();
        Assert.Equal(1, m.Accuracy);
        TestData.Close(0.25, m.Ece);
        Assert.Null(m.Auroc);
        Assert.Null(m["eefp_auroc"]);
        Assert.Equal(0.0, m["aurc"]);
        Assert.Equal(1, result.Efficiency.Score);
        Assert.Equal(new OracleResult(1, 1), result.Efficiency.Oracle);
    }

    [Fact]
    public void All_wrong()
    {
        var p = TestData.Matrix([[0.9f, 0.1f], [0.6f, 0.4f]]);
        var result = MethodEvaluator.Evaluate(new EvaluationInput([p, p], [[0.9, 0.6], [0.9, 0.6]], [1, 1], [1, 2]));
        Assert.All(result.PerExit, m =>
        {
            Assert.Equal(0, m.Accuracy);
            Assert.Null(m.Auroc);
            Assert.Equal(1.0, m["aupr_error"]);
            Assert.Equal(1.0, m["aurc"]);
            Assert.Equal(0.0, m["eaurc"]);
        });

        // Every sample is safe to stop (the last exit is wrong too): AUROC undefined.
        Assert.Null(result.PerExit[0]["eefp_auroc"]);
        Assert.Equal(0, result.Efficiency.Score);
        Assert.Equal(new OracleResult(0, 1), result.Efficiency.Oracle);
    }

    [Fact]
    public void Mismatched_shapes_are_rejected()
    {
        var p = TestData.Matrix([[0.9f, 0.1f], [0.6f, 0.4f]]);
        Assert.Throws<ArgumentException>(() => MethodEvaluator.Evaluate(new EvaluationInput([p], [[0.1, 0.2]], [0, 1], [1, 2])));
        Assert.Throws<ArgumentException>(() => MethodEvaluator.Evaluate(new EvaluationInput([p], [[0.1]], [0, 1], [1])));
        Assert.Throws<ArgumentOutOfRangeException>(() => MethodEvaluator.Evaluate(new EvaluationInput([p], [[0.1, 0.2]], [0, 2], [1])));
        Assert.Throws<ArgumentException>(() => MethodEvaluator.Evaluate(new EvaluationInput([p], [[0.1, double.NaN]], [0, 1], [1])));
        Assert.Throws<ArgumentException>(() => MethodEvaluator.Evaluate(new EvaluationInput([p], [[0.1, 0.2]], [0, 1], [1], [[double.NaN, 0.2]])));
        Assert.Throws<ArgumentOutOfRangeException>(() => MethodEvaluator.Evaluate(new EvaluationInput([p], [[0.1, 0.2]], [0, 1], [1], Bins: 0)));
    }

    [Fact]
    public void Evaluation_is_permutation_invariant_and_repeatable()
        => Gen.Select(Gen.Int[1, 4], Gen.Int[1, 30], Gen.Int[1, 5], Gen.Int, Gen.Int).Sample((exits, n, classes, dataSeed, seed) =>
        {
            var input = RandomInput(new Random(dataSeed), exits, n, classes);
            var order = TestData.Permutation(n, seed);
            var permuted = new EvaluationInput(
                [.. input.Probabilities.Select(p => TestData.Permute(p, order))],
                [.. input.Scores.Select(s => TestData.Permute(s, order))],
                TestData.Permute(input.Labels, order),
                input.ExitCosts,
                [.. input.ScoresBeforeCalibration!.Select(s => TestData.Permute(s, order))],
                input.Bins);

            var a = MethodEvaluator.Evaluate(input);
            for (var k = 0; k < exits; k++)
            {
                TestData.Close(RankCorrelationTests.ReferenceKendall(input.ScoresBeforeCalibration![k], input.Scores[k]), a.PerExit[k]["rank_preservation"]);
                TestData.Close(Shipped.Value<Auroc>(input.Scores[k], ExitOutputs.Compute(input.Probabilities[k], input.Labels, 1).Correct), a.PerExit[k].Auroc);
            }

            AssertSame(a, MethodEvaluator.Evaluate(permuted), 1e-12);
            AssertSame(a, MethodEvaluator.Evaluate(input), 0);
        }, iter: 300);

    internal static EvaluationInput RandomInput(Random random, int exits, int n, int classes)
    {
        var labels = Enumerable.Range(0, n).Select(_ => random.Next(classes)).ToArray();
        var probabilities = new ClassMatrix[exits];
        var scores = new double[exits][];
        var before = new double[exits][];
        var costs = new double[exits];
        for (var k = 0; k < exits; k++)
        {
            probabilities[k] = TestData.RandomProbabilities(random, n, classes, 0.5 + k);
            scores[k] = [.. Enumerable.Range(0, n).Select(i => Math.Round(probabilities[k].Row(i).ToArray().Max() * 8) / 8)];
            before[k] = [.. scores[k].Select(s => random.Next(3) == 0 ? random.Next(4) / 4.0 : s)];
            costs[k] = (k == 0 ? 1 : costs[k - 1]) + random.Next(3);
        }

        return new EvaluationInput(probabilities, scores, labels, costs, before, random.Next(1, 16));
    }

    private static void AssertSame(MethodEvaluation expected, MethodEvaluation actual, double tolerance)
    {
        // Everything but the row-order sums (Brier, NLL, classwise ECE) is exact under permutation.
        string[] sums = ["brier", "nll", "classwise_ece"];
        Assert.Equal(expected.PerExit.Count, actual.PerExit.Count);
        foreach (var (e, a) in expected.PerExit.Zip(actual.PerExit))
        {
            Assert.Equal(e.Exit, a.Exit);
            Assert.Equal(e.Values.Select(v => v.Name), a.Values.Select(v => v.Name));
            Assert.Equal(e.Values.Where(v => !sums.Contains(v.Name)), a.Values.Where(v => !sums.Contains(v.Name)));
            foreach (var name in sums)
            {
                TestData.Close(e[name], a[name], tolerance);
            }
        }

        var x = expected.Efficiency;
        var y = actual.Efficiency;
        Assert.Equal(x.Score, y.Score);
        Assert.Equal(x.AccuracyAtBudget, y.AccuracyAtBudget);
        Assert.Equal(x.CostSavedAtMatchedAccuracy, y.CostSavedAtMatchedAccuracy);
        Assert.Equal(x.Oracle, y.Oracle);
        Assert.Equal(x.ParetoFront, y.ParetoFront);
    }

    [Fact]
    public void TheEvaluationKeepsEveryOperatingPointOfTheSweep()
    {
        // The full sweep (for --full-sweeps) is the one ExitSweep computes from the same scores and correctness.
        var random = new Random(8);
        var labels = Enumerable.Range(0, 40).Select(_ => random.Next(3)).ToArray();
        ClassMatrix[] probabilities = [TestData.RandomProbabilities(random, 40, 3, 1.0), TestData.RandomProbabilities(random, 40, 3, 3.0)];
        double[][] scores = [.. probabilities.Select(p => Enumerable.Range(0, 40).Select(i => (double)p.Row(i).ToArray().Max()).ToArray())];
        var evaluation = MethodEvaluator.Evaluate(new EvaluationInput(probabilities, scores, labels, [1.0, 2.5]));

        bool[][] correct = [.. probabilities.Select(p => Enumerable.Range(0, 40).Select(i => Probabilities.ArgMax(p.Row(i)) == labels[i]).ToArray())];
        var expected = ExitSweep.Sweep(scores, correct, [1.0, 2.5]);
        Assert.True(expected.Count > 2);
        Assert.Equal(expected, evaluation.Sweep);
    }
}
