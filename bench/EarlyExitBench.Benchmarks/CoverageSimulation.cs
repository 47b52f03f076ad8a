using System.Diagnostics;
using System.Globalization;
using EarlyExitBench.Harness.Claims;
using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Benchmarks;

/// <summary>
/// <c>-- coverage [--sims N] [--n N] [--resamples R]</c>: the coverage of the claims' intervals in a simulation whose truth
/// is known (bench/claims-coverage.sh). Data are made like a study's: G groups × S seeds, one test set of n samples shared by
/// every group, seed and method; a per-seed value is a mean over test samples, so resampling test samples (B = 200 shared
/// resamples, drawn like the cells' EfficiencyBootstrap) and seeds are both sources of noise. Each simulated data set goes
/// through the real interval code (<see cref="TwoLevelBootstrap"/>) with three methods: v1's seed-only percentile
/// bootstrap, the two-level percentile bootstrap, and the two-level components interval that rules v2 use.
/// </summary>
internal static class CoverageSimulation
{
    private const int Groups = 6;
    private const int TestReplicates = 200;

    public static int Run(string[] args)
    {
        var sims = Option(args, "--sims", 1000);
        var n = Option(args, "--n", 10_000);
        var resamples = Option(args, "--resamples", 2000);
        Console.WriteLine(FormattableString.Invariant($"Coverage of nominal 95% intervals; {sims} simulations per row, n = {n} test samples, B = {TestReplicates} test replicates, {resamples} seed resamples."));
        Console.WriteLine("Monte-Carlo standard error of an observed coverage near 95%: " + F(Math.Sqrt(0.95 * 0.05 / sims) * 100) + " points.");
        Console.WriteLine("seed sd : test sd = sd of one seed's own effect : sd of the test-sample noise of a group's seed mean (shared images and seed × image interaction).");
        Console.WriteLine();
        Console.WriteLine("| statistic | groups × seeds | seed sd : test sd | seeds-only percentile (v1) | two-level percentile | two-level components (v2) | mean width v1 / v2 |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var clock = Stopwatch.StartNew();
        foreach (var seeds in new[] { 3, 10 })
        {
            foreach (var ratio in new[] { 3.0, 1.0, 1 / 3.0 })
            {
                Row(MeanDifference(sims, Groups, seeds, n, ratio, resamples), "mean efficiency difference", Groups, seeds, ratio);
            }

            Row(MeanDifference(sims, 1, seeds, n, 1.0, resamples), "mean efficiency difference (one group)", 1, seeds, 1.0);
            Row(Correlation(sims, seeds, n, resamples), "Spearman ρ(proxy, efficiency) over 20 methods", 1, seeds, 1.0);
        }

        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"Wall time {clock.Elapsed.TotalSeconds:F0} s."));
        return 0;
    }

    private static void Row(Tally tally, string statistic, int groups, int seeds, double ratio) =>
        Console.WriteLine(FormattableString.Invariant(
            $"| {statistic} | {groups} × {seeds} | {(ratio >= 1 ? $"{ratio:0}:1" : $"1:{1 / ratio:0}")} | {tally.Cover(0)} | {tally.Cover(1)} | {tally.Cover(2)} | {F(tally.Width(0) / tally.Width(2))} |"));

    /// <summary>
    /// Per (group, seed), the value is μ_g + a_gs + mean_i (u_i + v_gsi): a_gs the seed effect (sd σ_a), u_i a test-sample
    /// effect shared by every group and seed (the same images), v_gsi a (seed, sample) interaction. u and v are sparse ±1
    /// (most samples give both methods the same outcome), as a paired difference of two methods' per-sample results is.
    /// </summary>
    private static Tally MeanDifference(int sims, int groups, int seeds, int n, double seedToTest, int resamples)
    {
        var tally = new Tally();
        var random = new Random(20_261_207 + (seeds * 101) + (groups * 7) + (int)(seedToTest * 1000));
        const double Shared = 0.01, Own = 0.02;
        var testSd = Math.Sqrt((Shared + (Own / seeds)) / n);
        var seedSd = seedToTest * testSd;
        var truthByGroup = Enumerable.Range(0, groups).Select(g => 0.001 * g).ToArray();
        var truth = truthByGroup.Average();
        for (var sim = 0; sim < sims; sim++)
        {
            var u = Sparse(random, n, Shared);
            var draws = Resamples(random, n);
            var values = new List<IReadOnlyList<SeedValue>>();
            for (var g = 0; g < groups; g++)
            {
                var perSeed = new List<SeedValue>();
                for (var s = 0; s < seeds; s++)
                {
                    var v = Sparse(random, n, Own);
                    var offset = truthByGroup[g] + (seedSd * Normal(random));
                    perSeed.Add(new SeedValue(offset + (Sum(u, null) + Sum(v, null)) / n, draws.Select(c => offset + (Sum(u, c) + Sum(v, c)) / n).ToArray()));
                }

                values.Add(perSeed);
            }

            var counts = values.Select(g => g.Count).ToList();
            var options = new TwoLevelOptions(resamples, sim);
            tally.Add(0, TwoLevelBootstrap.Percentile(counts, 0, d => TwoLevelBootstrap.MeanOf(values, d), options), truth);
            tally.Add(1, TwoLevelBootstrap.Percentile(counts, TestReplicates, d => TwoLevelBootstrap.MeanOf(values, d), options), truth);
            tally.Add(2, TwoLevelBootstrap.Mean(values, options), truth);
        }

        return tally;
    }

    /// <summary>
    /// 20 methods with true efficiencies and proxies (Spearman 0.6 between them, fixed); each seed adds to a method's
    /// efficiency a seed effect and a mean over test samples (a shared sample effect and an own one), and to its proxy a seed
    /// effect. The truth is Spearman ρ of the methods' true values; the statistic is Spearman of the seed means.
    /// </summary>
    private static Tally Correlation(int sims, int seeds, int n, int resamples)
    {
        const int Methods = 20;
        var tally = new Tally();
        var fixedRandom = new Random(42);
        var trueEfficiency = Enumerable.Range(0, Methods).Select(_ => Normal(fixedRandom)).ToArray();
        var trueProxy = trueEfficiency.Select(e => (0.75 * e) + (0.66 * Normal(fixedRandom))).ToArray();
        var truth = RankCorrelation.Spearman(trueProxy, trueEfficiency)!.Value;
        var random = new Random(77 + seeds);
        const double Shared = 0.01, Own = 0.02;
        var testSd = Math.Sqrt((Shared + Own) / n);
        var scale = 0.25 / testSd; // a method's test noise is 0.25 of the spread of true efficiencies, as large as its seed noise
        for (var sim = 0; sim < sims; sim++)
        {
            var draws = Resamples(random, n);
            var shared = Sparse(random, n, Shared);
            var efficiency = new SeedValue[Methods][];
            var proxy = new double[Methods][];
            for (var m = 0; m < Methods; m++)
            {
                efficiency[m] = new SeedValue[seeds];
                proxy[m] = new double[seeds];
                for (var s = 0; s < seeds; s++)
                {
                    var own = Sparse(random, n, Own);
                    var offset = trueEfficiency[m] + (0.25 * Normal(random));
                    efficiency[m][s] = new SeedValue(offset + (scale * (Sum(shared, null) + Sum(own, null)) / n), draws.Select(c => offset + (scale * (Sum(shared, c) + Sum(own, c)) / n)).ToArray());
                    proxy[m][s] = trueProxy[m] + (0.25 * Normal(random));
                }
            }

            double? Statistic(Draw draw)
            {
                var x = new double[Methods];
                var y = new double[Methods];
                for (var m = 0; m < Methods; m++)
                {
                    x[m] = draw.Seeds[0].Average(s => proxy[m][s]);
                    y[m] = draw.Seeds[0].Average(s => efficiency[m][s].At(draw.Test));
                }

                return RankCorrelation.Spearman(x, y);
            }

            var options = new TwoLevelOptions(resamples, sim);
            tally.Add(0, TwoLevelBootstrap.Percentile([seeds], 0, Statistic, options), truth);
            tally.Add(1, TwoLevelBootstrap.Percentile([seeds], TestReplicates, Statistic, options), truth);
            tally.Add(2, TwoLevelBootstrap.Components([seeds], TestReplicates, Statistic, options with { Correlation = true }), truth);
        }

        return tally;
    }

    /// <summary>Sparse ±1 values: the indices that are nonzero and their sign.</summary>
    private static (int[] Index, int[] Sign) Sparse(Random random, int n, double share)
    {
        var index = new List<int>();
        var sign = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (random.NextDouble() < share)
            {
                index.Add(i);
                sign.Add(random.Next(2) == 0 ? -1 : 1);
            }
        }

        return ([.. index], [.. sign]);
    }

    /// <summary>Σ count_i · x_i over the nonzero x (count 1 each without a resample).</summary>
    private static double Sum((int[] Index, int[] Sign) x, int[]? counts)
    {
        var sum = 0;
        for (var j = 0; j < x.Index.Length; j++)
        {
            sum += x.Sign[j] * (counts is null ? 1 : counts[x.Index[j]]);
        }

        return sum;
    }

    /// <summary>B resamples of the n test indices with replacement, as multiplicities.</summary>
    private static int[][] Resamples(Random random, int n)
    {
        var draws = new int[TestReplicates][];
        for (var b = 0; b < TestReplicates; b++)
        {
            var counts = draws[b] = new int[n];
            for (var i = 0; i < n; i++)
            {
                counts[random.Next(n)]++;
            }
        }

        return draws;
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string F(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private sealed class Tally
    {
        private readonly int[] _covered = new int[3];
        private readonly int[] _total = new int[3];
        private readonly double[] _width = new double[3];

        public void Add(int method, Estimate? estimate, double truth)
        {
            if (estimate is not { HasInterval: true } e)
            {
                return;
            }

            _total[method]++;
            _width[method] += e.High!.Value - e.Low!.Value;
            if (e.Low <= truth && truth <= e.High)
            {
                _covered[method]++;
            }
        }

        public string Cover(int method) => _total[method] == 0 ? "–" : FormattableString.Invariant($"{100.0 * _covered[method] / _total[method]:F1}% ({_total[method]})");

        public double Width(int method) => _width[method] / Math.Max(1, _total[method]);
    }
}
