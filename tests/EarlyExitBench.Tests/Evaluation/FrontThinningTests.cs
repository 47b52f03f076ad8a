using CsCheck;
using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Tests.Evaluation;

public class FrontThinningTests
{
    [Fact]
    public void AFrontOfExactlyTheMaximumIsKeptWhole()
    {
        // max = 4: two bins of relative cost between 0 and 1, [0, 0.5] and (0.5, 1]. Thinning would keep only the last of
        // the two vertices in the first bin (0.1 and 0.2), but a front of at most max vertices is returned as it is.
        OperatingPoint[] front = [new(3, 0.5, 0, 0), new(2, 0.6, 0.1, 0.1), new(1, 0.7, 0.2, 0.2), new(0, 0.9, 1, 1)];

        Assert.Same(front, Efficiency.Thin(front, 4));
        Assert.Equal([front[0], front[2], front[3]], Efficiency.Thin(front, 3));
    }

    [Fact]
    public void AThinnedFrontKeepsItsEndsStaysBelowTheFrontAndIsBounded()
        => Gen.Select(Gen.Int[1, 600], Gen.Int[3, 80], Gen.Int).Sample((count, max, seed) =>
        {
            // A front: costs and accuracies strictly increasing. Up to 600 points, several times the largest maximum: each
            // check below is quadratic in the front, and Stryker runs this test for every mutant of Efficiency.
            var random = new Random(seed);
            var front = new List<OperatingPoint>();
            double cost = 0.05 + (random.NextDouble() * 0.1), accuracy = random.NextDouble() * 0.2;
            for (var j = 0; j < count; j++)
            {
                cost += random.NextDouble() * 0.01 / count * 100;
                accuracy += random.NextDouble() * 0.5 / count;
                front.Add(new OperatingPoint(1 - (j / (double)count), accuracy, cost, cost));
            }

            var thin = Efficiency.Thin(front, max);

            Assert.True(thin.Count <= max);
            Assert.Equal(front[0], thin[0]);
            Assert.Equal(front[^1], thin[^1]);
            Assert.True(thin.All(front.Contains), "vertices of the front only");
            Assert.True(thin.Zip(thin.Skip(1)).All(p => p.First.RelativeCost < p.Second.RelativeCost), "in cost order");
            if (count <= max)
            {
                Assert.Equal(front, thin);
                return;
            }

            // A(x) of the thinned front is never above the full one, equals it at every kept vertex, and reaches at least the
            // full front's value two bin widths earlier (each bin keeps its last vertex).
            var width = (front[^1].RelativeCost - front[0].RelativeCost) / (max - 2);
            foreach (var point in front)
            {
                var full = Efficiency.AccuracyAtBudget(front, point.RelativeCost);
                var thinned = Efficiency.AccuracyAtBudget(thin, point.RelativeCost);
                var earlier = Efficiency.AccuracyAtBudget(front, point.RelativeCost - (2 * width));
                Assert.True(thinned <= full && thinned >= Math.Min(earlier, full) && (!thin.Contains(point) || thinned == full), $"at {point.RelativeCost}: {thinned} vs {full}");
            }
        }, iter: 200);

    [Fact]
    public void TheScoreComesFromTheWholeFront()
    {
        // 1,000 samples at two exits of cost 1 and 2: the sweep has many more vertices than are kept.
        var random = new Random(3);
        const int n = 1000;
        double[][] scores = [[.. Enumerable.Range(0, n).Select(_ => random.NextDouble())], new double[n]];
        bool[][] correct = [[.. Enumerable.Range(0, n).Select(i => random.NextDouble() < scores[0][i])], [.. Enumerable.Range(0, n).Select(_ => true)]];
        var points = ExitSweep.Sweep(scores, correct, [1, 2]);
        var front = Efficiency.ParetoFront(points);

        var result = Efficiency.Compute(points, correct, [1, 2]);

        Assert.True(front.Count > Efficiency.MaxFrontPoints);
        Assert.InRange(result.ParetoFront.Count, 3, Efficiency.MaxFrontPoints);
        Assert.Equal(Efficiency.Score(front, 0.5, 1), result.Score);
    }
}
