using CsCheck;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Evaluation.Metrics;

namespace EarlyExitBench.Tests.Evaluation;

public class CalibrationMetricsTests
{
    [Fact]
    public void Ece_and_Mce_one_sample_per_bin()
    {
        // M = 10: 0.9 → (0.8, 0.9], 0.8 → (0.7, 0.8], 0.3 → (0.2, 0.3], 0.95 → (0.9, 1].
        // ECE = (|1−0.9| + |0−0.8| + |1−0.3| + |1−0.95|)/4 = 1.65/4 = 0.4125; MCE = 0.8.
        double[] conf = [0.9, 0.8, 0.3, 0.95];
        bool[] correct = [true, false, true, true];
        TestData.Close(0.4125, Shipped.Calibration<Ece>(conf, correct, 10));
        TestData.Close(0.8, Shipped.Calibration<Mce>(conf, correct, 10));
    }

    [Fact]
    public void Ece_shared_bin_weights_by_size()
    {
        // Bin (0.8, 0.9] holds 0.81 ✓ and 0.89 ✗: acc 0.5, conf 0.85, weight 2/3. Bin (0.1, 0.2] holds 0.2 ✗: weight 1/3.
        // ECE = 2/3·0.35 + 1/3·0.2 = 0.3; MCE = 0.35.
        double[] conf = [0.81, 0.89, 0.2];
        bool[] correct = [true, false, false];
        TestData.Close(0.3, Shipped.Calibration<Ece>(conf, correct, 10));
        TestData.Close(0.35, Shipped.Calibration<Mce>(conf, correct, 10));
    }

    [Theory]
    [InlineData(0.0, 15, 0)]
    [InlineData(-0.1, 15, 0)]
    [InlineData(1.0 / 15, 15, 0)]
    [InlineData(1.0, 15, 14)]
    [InlineData(1.5, 15, 14)]
    [InlineData(0.9, 10, 8)]
    [InlineData(0.3, 10, 2)]
    [InlineData(0.30000000000000004, 10, 3)]
    [InlineData(0.5, 2, 0)]
    [InlineData(0.5000001, 2, 1)]
    [InlineData(0.7, 10, 6)]
    public void BinIndex_upper_edge_is_inclusive(double p, int bins, int expected)
        => Assert.Equal(expected, CalibrationMetrics.BinIndex(p, bins));

    [Theory]
    // Just above an edge, where p·M rounds down onto the integer m: ceil alone says bin m, the edge rule says bin m + 1.
    // Found with Python (math.nextafter(m/M, 1) and math.ceil(p*M) == m).
    [InlineData(0.33333333333333337, 3, 1)]
    [InlineData(0.6666666666666667, 3, 2)]
    [InlineData(0.4285714285714286, 7, 3)]
    [InlineData(0.11111111111111112, 9, 1)]
    public void BinIndex_moves_up_when_ceil_undershoots_the_edge(double p, int bins, int expected)
        => Assert.Equal(expected, CalibrationMetrics.BinIndex(p, bins));

    [Fact]
    public void BinIndex_agrees_with_a_scan_of_the_edges_near_every_edge()
        => Gen.Select(Gen.Int[1, 200], Gen.Int[0, 200], Gen.Int[-3, 3]).Sample((bins, edge, ulps) =>
        {
            // p a few ulps either side of e_m = m/M; the definition, scanned: the first m with p ≤ e_m (p ≤ 0 in bin 1).
            var p = (double)Math.Min(edge, bins) / bins;
            for (var i = 0; i < Math.Abs(ulps); i++)
            {
                p = ulps > 0 ? Math.BitIncrement(p) : Math.BitDecrement(p);
            }

            var expected = Enumerable.Range(1, bins).FirstOrDefault(m => p <= (double)m / bins, bins) - 1;
            Assert.Equal(expected, CalibrationMetrics.BinIndex(p, bins));
        }, iter: 20_000);

    [Fact]
    public void BinIndex_of_floats_matches_the_double_rule()
        => Gen.Select(Gen.Float[0f, 1f], Gen.Int[1, 100]).Sample((p, bins) =>
        {
            Assert.Equal(CalibrationMetrics.BinIndex((double)p, bins), CalibrationMetrics.BinIndex(p, bins));

            // And for the exact edges m/M rounded to float.
            var m = (int)(p * bins);
            var edge = (float)m / bins;
            Assert.Equal(CalibrationMetrics.BinIndex((double)edge, bins), CalibrationMetrics.BinIndex(edge, bins));
        }, iter: 20_000);

    [Fact]
    public void Ece_puts_zero_confidence_in_the_first_bin()
    {
        // M = 10: 0 ✗, 0.1 ✓, 0.1 ✓ all in bin 1 = [0, 0.1]: acc 2/3, conf 0.2/3 → ECE = |2 − 0.2|/3 = 0.6.
        // Had 0 gone to a bin of its own, ECE would be (0 + |2 − 0.2|)/3 as well, so also check MCE: 0.6 vs 0.9.
        double[] conf = [0, 0.1, 0.1];
        bool[] correct = [false, true, true];
        TestData.Close(0.6, Shipped.Calibration<Ece>(conf, correct, 10));
        TestData.Close(0.6, Shipped.Calibration<Mce>(conf, correct, 10));
    }

    [Fact]
    public void AdaptiveEce_equal_mass_bins_floor_boundaries()
    {
        // n = 7, M = 3: boundaries ⌊m·7/3⌋ = 0, 2, 4, 7 → {0.1 ✗, 0.2 ✓}, {0.3 ✗, 0.4 ✗}, {0.5 ✓, 0.6 ✓, 0.7 ✓}.
        // Gaps: |1 − 0.3| = 0.7, |0 − 0.7| = 0.7, |3 − 1.8| = 1.2 → (0.7 + 0.7 + 1.2)/7 = 2.6/7.
        double[] conf = [0.6, 0.1, 0.3, 0.7, 0.2, 0.5, 0.4];
        bool[] correct = [true, false, false, true, true, true, false];
        TestData.Close(2.6 / 7, Shipped.Calibration<AdaptiveEce>(conf, correct, 3));
    }

    [Fact]
    public void AdaptiveEce_keeps_ties_in_the_bin_of_their_first_position()
    {
        // n = 4, M = 2, cut at 2: the three 0.5s start at position 0 and stay together; 0.9 (position 3) is bin 2.
        // Bin 1: |1 − 1.5|/4 = 0.125; bin 2: |1 − 0.9|/4 = 0.025 → 0.15.
        TestData.Close(0.15, Shipped.Calibration<AdaptiveEce>([0.5, 0.9, 0.5, 0.5], [true, true, false, false], 2));

        // 0.1 at position 0, the 0.5s start at position 1 < 2, so all four share bin 1: |2 − 1.6|/4 = 0.1.
        TestData.Close(0.1, Shipped.Calibration<AdaptiveEce>([0.5, 0.1, 0.5, 0.5], [true, false, true, false], 2));
    }

    [Fact]
    public void AdaptiveEce_with_fewer_samples_than_bins_skips_empty_bins()
        => TestData.Close((0.25 + 0.4) / 2, Shipped.Calibration<AdaptiveEce>([0.75, 0.4], [true, false], 15));

    [Fact]
    public void Brier_Nll_ClasswiseEce_by_hand()
    {
        // Labels 0, 0; M = 2 bins (0, 0.5], (0.5, 1].
        // Brier: (0.25² + 0.25²) = 0.125 and (0.625² + 0.625²) = 0.78125 → mean 0.453125.
        // NLL: −(ln 0.75 + ln 0.375)/2.
        // Classwise: class 0 has 0.75 (bin 2, y=1) and 0.375 (bin 1, y=1): (0.25 + 0.625)/2 = 0.4375;
        //            class 1 has 0.25 (bin 1, y=0) and 0.625 (bin 2, y=0): (0.25 + 0.625)/2 = 0.4375 → mean 0.4375.
        var p = TestData.Matrix([[0.75f, 0.25f], [0.375f, 0.625f]]);
        int[] labels = [0, 0];
        TestData.Close(0.453125, Shipped.Matrix<Brier>(p, labels));
        TestData.Close(-(Math.Log(0.75) + Math.Log(0.375)) / 2, Shipped.Matrix<Nll>(p, labels));
        TestData.Close(0.4375, Shipped.Matrix<ClasswiseEce>(p, labels, 2));
    }

    [Fact]
    public void Nll_floors_zero_probability()
    {
        var p = TestData.Matrix([[1f, 0f]]);
        TestData.Close(-Math.Log(1e-12), Shipped.Matrix<Nll>(p, [1]));
        TestData.Close(2.0, Shipped.Matrix<Brier>(p, [1]));
    }

    [Fact]
    public void One_class_is_perfectly_calibrated()
    {
        var p = TestData.Matrix([[1f], [1f], [1f]]);
        var outputs = ExitOutputs.Compute(p, [0, 0, 0], 15);
        Assert.All(outputs.Correct, Assert.True);
        Assert.Equal(0, Brier.Of(outputs.Totals));
        Assert.Equal(0, Nll.Of(outputs.Totals));
        Assert.Equal(0, ClasswiseEce.Of(outputs.Totals));
        Assert.Equal(0, Shipped.Calibration<Ece>(outputs.Confidence, outputs.Correct));
    }

    [Fact]
    public void Argmax_ties_go_to_the_lowest_index()
    {
        var outputs = ExitOutputs.Compute(TestData.Matrix([[0.4f, 0.4f, 0.2f], [0.2f, 0.4f, 0.4f]]), [1, 1], 15);
        Assert.Equal([0, 1], outputs.Predictions);
        Assert.Equal([false, true], outputs.Correct);
        Assert.Equal((double)0.4f, outputs.Confidence[0]);
    }

    [Fact]
    public void Single_sample()
    {
        // ECE = |1 − 0.7| = 0.3 for every binning.
        TestData.Close(0.3, Shipped.Calibration<Ece>([0.7], [true]));
        TestData.Close(0.3, Shipped.Calibration<AdaptiveEce>([0.7], [true]));
        TestData.Close(0.3, Shipped.Calibration<Mce>([0.7], [true]));
    }

    [Fact]
    public void Confidence_metrics_are_bit_identical_under_permutation()
        => Gen.Select(Gen.Int[0, 20].Array[1, 60], Gen.Bool.Array[60], Gen.Int[1, 20], Gen.Int).Sample((levels, flags, bins, seed) =>
        {
            var conf = levels.Select(l => l / 20.0).ToArray();
            var correct = flags[..conf.Length];
            var order = TestData.Permutation(conf.Length, seed);
            var pc = TestData.Permute(conf, order);
            var pf = TestData.Permute(correct, order);
            Assert.Equal(Shipped.Calibration<Ece>(conf, correct, bins), Shipped.Calibration<Ece>(pc, pf, bins));
            Assert.Equal(Shipped.Calibration<Mce>(conf, correct, bins), Shipped.Calibration<Mce>(pc, pf, bins));
            Assert.Equal(Shipped.Calibration<AdaptiveEce>(conf, correct, bins), Shipped.Calibration<AdaptiveEce>(pc, pf, bins));
        }, iter: 2_000);

    [Fact]
    public void Matrix_metrics_are_permutation_invariant()
        => Gen.Select(Gen.Int[1, 40], Gen.Int[1, 6], Gen.Int, Gen.Int).Sample((n, classes, dataSeed, seed) =>
        {
            var random = new Random(dataSeed);
            var p = TestData.RandomProbabilities(random, n, classes, 1.5);
            var labels = Enumerable.Range(0, n).Select(_ => random.Next(classes)).ToArray();
            var order = TestData.Permutation(n, seed);
            var a = ExitOutputs.Compute(p, labels, 15);
            var b = ExitOutputs.Compute(TestData.Permute(p, order), TestData.Permute(labels, order), 15);
            TestData.Close(Brier.Of(a.Totals), Brier.Of(b.Totals));
            TestData.Close(Nll.Of(a.Totals), Nll.Of(b.Totals));
            TestData.Close(ClasswiseEce.Of(a.Totals), ClasswiseEce.Of(b.Totals));
            Assert.Equal(TestData.Permute(a.Correct, order), b.Correct);
        }, iter: 500);

    [Fact]
    public void Ece_of_a_perfectly_calibrated_set_vanishes_as_n_grows()
        => Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            double Draw(int n, Func<double[], bool[], double> metric)
            {
                var conf = new double[n];
                var correct = new bool[n];
                for (var i = 0; i < n; i++)
                {
                    conf[i] = 0.1 + (0.9 * random.NextDouble());
                    correct[i] = random.NextDouble() < conf[i];
                }

                return metric(conf, correct);
            }

            Assert.True(Draw(50_000, (c, k) => Shipped.Calibration<Ece>(c, k)) < 0.02);
            Assert.True(Draw(50_000, (c, k) => Shipped.Calibration<AdaptiveEce>(c, k)) < 0.02);

            // And a miscalibrated set (accuracy = conf²) is not mistaken for a calibrated one.
            var conf2 = Enumerable.Range(0, 50_000).Select(_ => 0.1 + (0.9 * random.NextDouble())).ToArray();
            var correct2 = conf2.Select(c => random.NextDouble() < c * c).ToArray();
            Assert.True(Shipped.Calibration<Ece>(conf2, correct2) > 0.1);
        }, iter: 5);

    [Fact]
    public void Classwise_ece_matches_a_direct_per_class_computation()
        => Gen.Select(Gen.Int[1, 30], Gen.Int[1, 5], Gen.Int[1, 15], Gen.Int).Sample((n, classes, bins, seed) =>
        {
            var random = new Random(seed);
            var p = TestData.RandomProbabilities(random, n, classes, 1.0);
            var labels = Enumerable.Range(0, n).Select(_ => random.Next(classes)).ToArray();
            double expected = 0;
            for (var c = 0; c < classes; c++)
            {
                // Per class: ordinary equal-width ECE of p_c against 1[y = c], weights |B|/n.
                for (var m = 0; m < bins; m++)
                {
                    var members = Enumerable.Range(0, n).Where(i => CalibrationMetrics.BinIndex((double)p[i, c], bins) == m).ToList();
                    if (members.Count > 0)
                    {
                        var acc = members.Average(i => labels[i] == c ? 1.0 : 0.0);
                        var conf = members.Average(i => (double)p[i, c]);
                        expected += (double)members.Count / n * Math.Abs(acc - conf) / classes;
                    }
                }
            }

            TestData.Close(expected, Shipped.Matrix<ClasswiseEce>(p, labels, bins), 1e-9);
        }, iter: 300);
}
