using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Harness.Methods;

/// <summary>
/// Bootstrap replicates of the efficiency score over test samples. The resamples are drawn once per cell from a fixed
/// seed and shared by every method, so replicate b of two methods (and of two seeds with the same test set) sees the
/// same samples: comparisons between methods are paired. Fitted calibrators, scores and policies stay fixed; only the
/// test samples are resampled, so the interval says how much the score depends on which test images were drawn.
/// </summary>
public sealed class EfficiencyBootstrap
{
    /// <summary>Seed of the resamples; fixed, so a cell's replicates are a pure function of its key.</summary>
    public const int Seed = 6_172_841;

    /// <summary>Digits kept per replicate: far below one test sample's weight (1/n), and it keeps cell files short.</summary>
    private const int Digits = 6;

    private readonly int[][] _draws;

    private EfficiencyBootstrap(int[][] draws) => _draws = draws;

    /// <summary>Number of replicates.</summary>
    public int Count => _draws.Length;

    /// <summary>Draws <paramref name="resamples"/> resamples (with replacement) of <paramref name="samples"/> test indices.</summary>
    public static EfficiencyBootstrap Create(int resamples, int samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(resamples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        var random = new Random(Seed);
        var draws = new int[resamples][];
        for (var b = 0; b < resamples; b++)
        {
            var draw = draws[b] = new int[samples];
            for (var i = 0; i < samples; i++)
            {
                draw[i] = random.Next(samples);
            }
        }

        return new EfficiencyBootstrap(draws);
    }

    /// <summary>Replicates of the global-threshold efficiency score: the sweep and score of each resample.</summary>
    /// <param name="scores">[K][n] test scores, as validated by the sweep of the whole sample.</param>
    /// <param name="correct">[K][n] test correctness.</param>
    /// <param name="exitCosts">[K] cumulative exit costs.</param>
    /// <remarks>
    /// The sweep's events are sorted once; each replicate then walks them with its samples' multiplicities
    /// (<see cref="WeightedSweep"/>), which gives the sweep of the materialised resample bit for bit, in time
    /// linear in the events instead of a gather and a sort per replicate.
    /// </remarks>
    public double[] GlobalThreshold(IReadOnlyList<double[]> scores, IReadOnlyList<bool[]> correct, double[] exitCosts)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(correct);
        ArgumentNullException.ThrowIfNull(exitCosts);
        var replicates = new double[Count];
        if (Count == 0)
        {
            return replicates;
        }

        var n = correct[0].Length;
        var sweep = WeightedSweep.Create(scores, correct);
        Parallel.For(
            0,
            Count,
            () => (Weights: new int[n], Points: sweep.NewBuffer()),
            (b, _, buffers) =>
            {
                var weights = Weights(_draws[b], buffers.Weights);
                var front = Efficiency.FrontOfFalling(sweep.Walk(weights, exitCosts, buffers.Points));
                replicates[b] = Round(Efficiency.Score(front, exitCosts[0] / exitCosts[^1], (double)sweep.LastExitHits(weights) / n));
                return buffers;
            },
            _ => { });
        return replicates;
    }

    /// <summary>Replicates of a plugin exit policy's efficiency score: each operating point's accuracy and cost on each resample.</summary>
    /// <param name="exitPerSample">Per operating point, the 0-based exit of every test sample.</param>
    /// <param name="correct">[K][n] test correctness.</param>
    /// <param name="exitCosts">[K] cumulative exit costs.</param>
    public double[] Assigned(IReadOnlyList<int[]> exitPerSample, IReadOnlyList<bool[]> correct, double[] exitCosts)
    {
        ArgumentNullException.ThrowIfNull(exitPerSample);
        ArgumentNullException.ThrowIfNull(correct);
        ArgumentNullException.ThrowIfNull(exitCosts);
        var last = exitCosts[^1];
        var replicates = new double[Count];
        Parallel.For(0, Count, b =>
        {
            var draw = _draws[b];
            var points = new OperatingPoint[exitPerSample.Count];
            for (var p = 0; p < points.Length; p++)
            {
                var exits = exitPerSample[p];
                long hits = 0;
                double cost = 0;
                foreach (var i in draw)
                {
                    var exit = exits[i];
                    hits += correct[exit][i] ? 1 : 0;
                    cost += exitCosts[exit];
                }

                var mean = cost / draw.Length;
                points[p] = new OperatingPoint(p, (double)hits / draw.Length, mean, mean / last);
            }

            long lastHits = 0;
            foreach (var i in draw)
            {
                lastHits += correct[^1][i] ? 1 : 0;
            }

            replicates[b] = Score(points, lastHits, draw.Length, exitCosts);
        });
        return replicates;
    }

    /// <summary>
    /// Replicates of a score that is the mean of per-sample shares (the deployable efficiency: its thresholds are fixed
    /// on validation, so a resample only reweights the test samples): replicate b is the mean share over resample b.
    /// </summary>
    /// <param name="perSample">[n] each test sample's share of the score.</param>
    public double[] Mean(IReadOnlyList<double> perSample)
    {
        ArgumentNullException.ThrowIfNull(perSample);
        var replicates = new double[Count];
        for (var b = 0; b < Count; b++)
        {
            double sum = 0;
            foreach (var i in _draws[b])
            {
                sum += perSample[i];
            }

            replicates[b] = Round(sum / _draws[b].Length);
        }

        return replicates;
    }

    private static double Score(IReadOnlyList<OperatingPoint> points, long hitsAtLast, int draws, double[] exitCosts) =>
        Round(Efficiency.Score(Efficiency.ParetoFront(points), exitCosts[0] / exitCosts[^1], (double)hitsAtLast / draws));

    private static double Round(double score) => Math.Round(score, Digits);

    /// <summary>How many times the resample drew each sample.</summary>
    private static int[] Weights(int[] draw, int[] into)
    {
        Array.Clear(into);
        foreach (var i in draw)
        {
            into[i]++;
        }

        return into;
    }
}
