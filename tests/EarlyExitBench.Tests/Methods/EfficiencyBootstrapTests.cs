using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Methods;

namespace EarlyExitBench.Tests.Methods;

public class EfficiencyBootstrapTests
{
    private static readonly double[] Costs = [1.0, 4.0];

    /// <summary>Two exits; exit 1 right with probability <paramref name="p1"/>, exit 2 always right.</summary>
    private static bool[][] Correct(int n, double p1, int seed)
    {
        var random = new Random(seed);
        return [Enumerable.Range(0, n).Select(_ => random.NextDouble() < p1).ToArray(), Enumerable.Repeat(true, n).ToArray()];
    }

    [Fact]
    public void AConstantFirstExitScoreGivesTheBinomialSpreadOfItsAccuracy()
    {
        // Exit 1's score is the same for every sample, so the sweep has two points: everyone at exit 1 (x_min, acc1) and
        // everyone at exit 2 (1, 1). A(x) = acc1 on [x_min, 1), so each replicate's score is exit 1's accuracy on that
        // resample: mean acc1, standard deviation sqrt(acc1 (1 − acc1) / n).
        const int n = 4000;
        var correct = Correct(n, 0.7, 1);
        var acc1 = correct[0].Count(c => c) / (double)n;
        var bootstrap = EfficiencyBootstrap.Create(400, n);

        var replicates = bootstrap.GlobalThreshold([new double[n], new double[n]], correct, Costs);

        Assert.Equal(400, replicates.Length);
        var mean = replicates.Average();
        var sd = Math.Sqrt(replicates.Sum(r => (r - mean) * (r - mean)) / (replicates.Length - 1));
        var expected = Math.Sqrt(acc1 * (1 - acc1) / n);
        Assert.InRange(mean, acc1 - (3 * expected / Math.Sqrt(400)), acc1 + (3 * expected / Math.Sqrt(400)));
        Assert.InRange(sd / expected, 0.85, 1.15);
    }

    [Fact]
    public void TheSweepAndThePolicyPathAgreeReplicateByReplicate()
    {
        // The same two operating points (all at exit 1, all at exit 2) through both code paths, on the same resamples:
        // equal replicates, one for one. This is the pairing that makes comparisons between methods fair.
        const int n = 500;
        var correct = Correct(n, 0.6, 2);
        var bootstrap = EfficiencyBootstrap.Create(50, n);

        var swept = bootstrap.GlobalThreshold([new double[n], new double[n]], correct, Costs);
        var assigned = bootstrap.Assigned([new int[n], Enumerable.Repeat(1, n).ToArray()], correct, Costs);

        Assert.Equal(swept, assigned);
    }

    [Fact]
    public void AMonotoneTransformOfTheScoresGivesTheSameReplicates()
    {
        // Paired resamples: a method whose scores only rescale another's makes the same exits on every resample.
        const int n = 600;
        var random = new Random(3);
        var scores = Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray()).ToList();
        var correct = Enumerable.Range(0, 2).Select(k => scores[k].Select(s => random.NextDouble() < 0.4 + (0.5 * s) + (0.1 * k)).ToArray()).ToList();
        var bootstrap = EfficiencyBootstrap.Create(40, n);

        var a = bootstrap.GlobalThreshold(scores, correct, Costs);
        var b = bootstrap.GlobalThreshold(scores.Select(s => s.Select(v => (3 * v) + 1).ToArray()).ToList(), correct, Costs);

        Assert.Equal(a, b);
        Assert.True(a.Distinct().Count() > 10, "the replicates should vary");
    }

    [Fact]
    public void AWeightedWalkIsTheSweepOfTheMaterialisedResampleBitForBit()
    {
        // Reference: the resample gathered sample by sample and swept from scratch (ExitSweep.Sweep, tested on its own).
        // Three exits, scores on a coarse grid so that many samples tie at a threshold, and resamples that leave some
        // samples out (weight 0) and repeat others.
        const int n = 700;
        double[] costs = [1.0, 2.5, 4.0];
        var random = new Random(5);
        var scores = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, n).Select(_ => random.Next(12) / 12.0).ToArray()).ToArray();
        var correct = Enumerable.Range(0, 3).Select(k => scores[k].Select(s => random.NextDouble() < 0.3 + (0.4 * s) + (0.1 * k)).ToArray()).ToArray();
        var sweep = WeightedSweep.Create(scores, correct);

        for (var trial = 0; trial < 20; trial++)
        {
            var draw = Enumerable.Range(0, n).Select(_ => random.Next(n)).ToArray();
            var weights = new int[n];
            foreach (var i in draw)
            {
                weights[i]++;
            }

            var expected = ExitSweep.Sweep(
                scores.Select(s => draw.Select(i => s[i]).ToArray()).ToList(),
                correct.Select(c => draw.Select(i => c[i]).ToArray()).ToList(),
                costs);
            var actual = sweep.Walk(weights, costs, sweep.NewBuffer()).ToArray();

            Assert.Contains(0, weights);
            Assert.Equal(expected, actual);

            // The front read from the cheap end equals the general front of the same points in shuffled order (sorted there).
            var shuffled = expected.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(Efficiency.ParetoFront(shuffled), Efficiency.FrontOfFalling(actual));
        }
    }

    [Fact]
    public void ResamplesAreAPureFunctionOfCountAndSize()
    {
        const int n = 300;
        var correct = Correct(n, 0.5, 4);
        double[][] scores = [Enumerable.Range(0, n).Select(i => (i * 7 % 13) / 13.0).ToArray(), new double[n]];

        var first = EfficiencyBootstrap.Create(30, n).GlobalThreshold(scores, correct, Costs);
        var second = EfficiencyBootstrap.Create(30, n).GlobalThreshold(scores, correct, Costs);

        Assert.Equal(first, second);
        Assert.Empty(EfficiencyBootstrap.Create(0, n).GlobalThreshold(scores, correct, Costs));
    }
}
