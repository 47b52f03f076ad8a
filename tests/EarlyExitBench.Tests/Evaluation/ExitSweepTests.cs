using CsCheck;
using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Tests.Evaluation;

public class ExitSweepTests
{
    [Fact]
    public void Two_exit_toy_by_hand()
    {
        // Costs (1, 4). Exit 1 scores (0.9, 0.6, 0.6, 0.2), correct (✓, ✗, ✓, ✗); exit 2 correct (✓, ✓, ✓, ✗).
        // τ = +∞: all at exit 2 → acc 3/4, cost 4.      τ = 0.9: sample 0 leaves → acc 3/4, cost (1 + 3·4)/4 = 3.25.
        // τ = 0.6: samples 1, 2 leave (1 turns wrong) → acc 2/4, cost (3·1 + 4)/4 = 1.75.   τ = 0.2: all at exit 1 → 2/4, 1.
        var points = ExitSweep.Sweep(
            [[0.9, 0.6, 0.6, 0.2], [0, 0, 0, 0]],
            [[true, false, true, false], [true, true, true, false]],
            [1, 4]);
        Assert.Equal(
            [new(double.PositiveInfinity, 0.75, 4, 1), new(0.9, 0.75, 3.25, 0.8125), new(0.6, 0.5, 1.75, 0.4375), new(0.2, 0.5, 1, 0.25)],
            points);
    }

    [Fact]
    public void Later_exits_matter_only_through_running_maxima()
    {
        // Sample scores (0.5, 0.3, 0.7, ·): 0.3 is never where it stops (0.5 ≥ τ already), so thresholds are 0.7, 0.5.
        // τ = 0.7 → exit 3 (cost 3); τ = 0.5 → exit 1 (cost 1); +∞ → exit 4 (cost 4).
        var points = ExitSweep.Sweep([[0.5], [0.3], [0.7], [0.1]], [[true], [true], [false], [false]], [1, 2, 3, 4]);
        Assert.Equal([double.PositiveInfinity, 0.7, 0.5], points.Select(p => p.Threshold));
        Assert.Equal([0.0, 0.0, 1.0], points.Select(p => p.Accuracy));
        Assert.Equal([4.0, 3.0, 1.0], points.Select(p => p.MeanCost));
        Assert.Equal(points[2], ExitSweep.PointAt(points, 0.3));
        Assert.Equal(points[0], ExitSweep.PointAt(points, 0.71));
        Assert.Equal(points[2], ExitSweep.PointAt(points, double.NegativeInfinity));
    }

    [Fact]
    public void One_exit_has_a_single_point()
    {
        var points = ExitSweep.Sweep([[0.3, 0.9]], [[true, false]], [7]);
        Assert.Equal([new OperatingPoint(double.PositiveInfinity, 0.5, 7, 1)], points);
    }

    [Fact]
    public void Invalid_inputs_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ExitSweep.Sweep([[double.NaN], [0]], [[true], [true]], [1, 2]));
        Assert.Throws<ArgumentException>(() => ExitSweep.Sweep([[double.PositiveInfinity], [0]], [[true], [true]], [1, 2]));
        Assert.Throws<ArgumentException>(() => ExitSweep.Sweep([[0.1], [0]], [[true], [true]], [2, 1]));
        Assert.Throws<ArgumentException>(() => ExitSweep.Sweep([[0.1], [0]], [[true], [true]], [0, 1]));
        Assert.Throws<ArgumentException>(() => ExitSweep.Sweep([[0.1], [0, 1]], [[true], [true]], [1, 2]));
    }

    [Fact]
    public void Sweep_equals_brute_force_simulation_at_every_threshold()
        => Gen.Select(Gen.Int[1, 5], Gen.Int[1, 15], Gen.Int[0, 3].Array[5], Gen.Int).Sample((exits, n, costSteps, seed) =>
        {
            var random = new Random(seed);

            // Coarse scores (0..4, some negative infinity) so ties within and across exits are common.
            var scores = Enumerable.Range(0, exits).Select(_ => Enumerable.Range(0, n)
                .Select(_ => random.Next(12) == 0 ? double.NegativeInfinity : random.Next(5) / 4.0).ToArray()).ToArray();
            var correct = Enumerable.Range(0, exits).Select(_ => Enumerable.Range(0, n).Select(_ => random.Next(2) == 0).ToArray()).ToArray();
            var costs = new double[exits];
            for (var k = 0; k < exits; k++)
            {
                // Steps of 0 make equal consecutive costs.
                costs[k] = (k == 0 ? 1 : costs[k - 1]) + costSteps[k];
            }

            var points = ExitSweep.Sweep(scores, correct, costs);
            for (var j = 1; j < points.Count; j++)
            {
                Assert.True(points[j].Threshold < points[j - 1].Threshold);
            }

            var thresholds = scores.SelectMany(s => s).Distinct().Append(double.PositiveInfinity).ToArray();
            Assert.All(points, p => Assert.Contains(p.Threshold, thresholds));
            foreach (var tau in thresholds)
            {
                var expected = Simulate(scores, correct, costs, tau);
                var actual = ExitSweep.PointAt(points, tau);
                Assert.Equal(expected.Accuracy, actual.Accuracy);
                TestData.Close(expected.MeanCost, actual.MeanCost, 1e-12);
                TestData.Close(expected.RelativeCost, actual.RelativeCost, 1e-12);
            }
        }, iter: 3_000);

    /// <summary>The policy itself: walk each sample through the exits.</summary>
    private static OperatingPoint Simulate(double[][] scores, bool[][] correct, double[] costs, double tau)
    {
        var n = scores[0].Length;
        var last = costs.Length - 1;
        double hits = 0, cost = 0;
        for (var i = 0; i < n; i++)
        {
            var k = 0;
            while (k < last && !(scores[k][i] >= tau))
            {
                k++;
            }

            hits += correct[k][i] ? 1 : 0;
            cost += costs[k];
        }

        return new OperatingPoint(tau, hits / n, cost / n, cost / n / costs[^1]);
    }
}
