using CsCheck;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Evaluation.Metrics;

namespace EarlyExitBench.Tests.Evaluation;

public class FailureMetricsTests
{
    // Scores 0.9 ✓, 0.8 ✓, 0.8 ✗, 0.3 ✗ (a tie between a correct and a wrong sample).
    private static readonly double[] Scores = [0.8, 0.3, 0.9, 0.8];
    private static readonly bool[] Correct = [true, false, true, false];

    [Fact]
    public void Auroc_counts_ties_half()
        // Correct × wrong pairs: (0.9, 0.8) 1, (0.9, 0.3) 1, (0.8, 0.8) ½, (0.8, 0.3) 1 → 3.5/4.
        => TestData.Close(0.875, Shipped.Value<Auroc>(Scores, Correct));

    [Fact]
    public void AuprError_treats_a_tie_as_one_step()
        // Flagging from the lowest score: {0.3 ✗}: recall ½, precision 1 → 0.5; {0.8 ✓, 0.8 ✗}: recall 1, precision 2/3 → +⅓.
        => TestData.Close(0.5 + (1.0 / 3), Shipped.Value<AuprError>(Scores, Correct));

    [Fact]
    public void Fpr95_uses_the_largest_threshold_reaching_95_percent()
    {
        // Accepting ≥ 0.9 keeps ½ of the correct; ≥ 0.8 keeps all (≥ 95%) and one of two wrong → 0.5.
        TestData.Close(0.5, Shipped.Value<Fpr95>(Scores, Correct));

        // Correct scores 1..20: t = 2 accepts 19/20 = exactly 95%, so t = 2 (not 1). Wrong at 0.5 and 1.5 stay out → 0;
        // moving one wrong sample to 2.5 puts it in → ½.
        var scores = Enumerable.Range(0, 20).Select(i => 1.0 + i).Append(0.5).Append(1.5).ToArray();
        var correct = Enumerable.Repeat(true, 20).Append(false).Append(false).ToArray();

        TestData.Close(0.0, Shipped.Value<Fpr95>(scores, correct));
        scores[^1] = 2.5;
        TestData.Close(0.5, Shipped.Value<Fpr95>(scores, correct));
    }

    [Fact]
    public void Aurc_Eaurc_Augrc_by_hand()
    {
        // Groups by descending score: {0.9 ✓} a=1 e=0; {0.8 ✓✗} a=3 e=1; {0.3 ✗} a=4 e=2.
        // AURC = (1·0 + 2·⅓ + 1·½)/4 = 7/24. AURC* (n=4, n_c=2) = (⅓ + ½)/4 = 5/24 → E-AURC = 2/24.
        // AUGRC = (1·0 + 2·1 + 1·2)/16 = 0.25.
        TestData.Close(7.0 / 24, Shipped.Value<Aurc>(Scores, Correct));
        TestData.Close(5.0 / 24, Eaurc.Optimal(4, 2));
        TestData.Close(2.0 / 24, Shipped.Value<Eaurc>(Scores, Correct));
        TestData.Close(0.25, Shipped.Value<Augrc>(Scores, Correct));
    }

    [Fact]
    public void Aurc_with_all_ties_is_the_error_rate()
    {
        // One threshold accepts everything: AURC = risk = 2/5, AUGRC = 1·(2/5) = 0.4 as well.
        double[] s = [1, 1, 1, 1, 1];
        bool[] c = [true, false, true, false, true];
        TestData.Close(0.4, Shipped.Value<Aurc>(s, c));
        TestData.Close(0.4, Shipped.Value<Augrc>(s, c));
        TestData.Close(0.5, Shipped.Value<Auroc>(s, c));
    }

    [Fact]
    public void All_correct_and_all_wrong()
    {
        double[] s = [0.2, 0.7, 0.4];
        bool[] allCorrect = [true, true, true];
        bool[] allWrong = [false, false, false];
        Assert.Null(Shipped.Value<Auroc>(s, allCorrect));
        Assert.Null(Shipped.Value<Auroc>(s, allWrong));
        Assert.Null(Shipped.Value<AuprError>(s, allCorrect));
        Assert.Equal(1.0, Shipped.Value<AuprError>(s, allWrong));
        Assert.Null(Shipped.Value<Fpr95>(s, allCorrect));
        Assert.Null(Shipped.Value<Fpr95>(s, allWrong));
        Assert.Equal(0, Shipped.Value<Aurc>(s, allCorrect));
        Assert.Equal(0, Shipped.Value<Eaurc>(s, allCorrect));
        Assert.Equal(1, Shipped.Value<Aurc>(s, allWrong));
        Assert.Equal(0, Shipped.Value<Eaurc>(s, allWrong));

        // Generalized risk = coverage when all are wrong: (1·1 + 1·2 + 1·3)/3² = 2/3 (→ ½ as n grows, the err²/2 optimum).
        TestData.Close(2.0 / 3, Shipped.Value<Augrc>(s, allWrong));
    }

    [Fact]
    public void Single_sample()
    {
        Assert.Null(Shipped.Value<Auroc>([0.5], [true]));
        Assert.Equal(1, Shipped.Value<Aurc>([0.5], [false]));
        Assert.Equal(0, Shipped.Value<Aurc>([0.5], [true]));
        Assert.Null(RankCorrelation.KendallTauB([1.0], [2.0]));
    }

    [Fact]
    public void Perfect_ranking_has_zero_eaurc_and_unit_auroc()
    {
        // 3 correct above 2 wrong: AURC = (1/5)(1/4 + 2/5) = AURC*.
        double[] s = [5, 4, 3, 2, 1];
        bool[] c = [true, true, true, false, false];
        Assert.Equal(0, Shipped.Value<Eaurc>(s, c));
        TestData.Close((0.25 + 0.4) / 5, Shipped.Value<Aurc>(s, c));
        Assert.Equal(1, Shipped.Value<Auroc>(s, c));
        Assert.Equal(0, Shipped.Value<Fpr95>(s, c));
    }

    [Fact]
    public void Aurc_optimal_matches_its_closed_form_approximation()
    {
        // AURC* ≈ err + (1 − err)·ln(1 − err) for large n.
        const int n = 1_000_000;
        const double err = 0.3;
        TestData.Close(err + ((1 - err) * Math.Log(1 - err)), Eaurc.Optimal(n, (int)(n * (1 - err))), 1e-5);
    }

    [Fact]
    public void Eefp_auroc_labels_safe_to_stop()
    {
        // Safe = correct here or wrong at the last exit: [✓, ✗, ✓, ✓]. Safe scores {0.2, 0.4, 0.9} vs unsafe {0.5}: 1/3.
        TestData.Close(1.0 / 3, Shipped.EefpAuroc([0.2, 0.5, 0.4, 0.9], [true, false, false, true], [true, true, false, false]));
    }

    [Fact]
    public void Nan_scores_are_rejected()
        => Assert.Throws<ArgumentException>(() => Shipped.Value<Auroc>([0.1, double.NaN], [true, false]));

    [Fact]
    public void Metrics_match_brute_force_definitions()
        => Gen.Select(Gen.Int[0, 5].Array[1, 40], Gen.Bool.Array[40]).Sample((levels, flags) =>
        {
            var s = levels.Select(l => (double)l).ToArray();
            var c = flags[..s.Length];
            var n = s.Length;
            var correct = Enumerable.Range(0, n).Where(i => c[i]).ToArray();
            var wrong = Enumerable.Range(0, n).Where(i => !c[i]).ToArray();

            // AUROC: every correct × wrong pair.
            double? auroc = null;
            if (correct.Length > 0 && wrong.Length > 0)
            {
                auroc = correct.Sum(i => wrong.Sum(j => s[i] > s[j] ? 1.0 : s[i] == s[j] ? 0.5 : 0)) / (correct.Length * (double)wrong.Length);
            }

            TestData.Close(auroc, Shipped.Value<Auroc>(s, c));

            // AURC / AUGRC / AUPR / FPR95 straight from their threshold definitions.
            var thresholds = s.Distinct().OrderByDescending(t => t).ToArray();
            double aurc = 0, augrc = 0, previous = 0;
            foreach (var t in thresholds)
            {
                var accepted = Enumerable.Range(0, n).Where(i => s[i] >= t).ToArray();
                var errors = accepted.Count(i => !c[i]);
                var coverage = accepted.Length / (double)n;
                aurc += (coverage - previous) * errors / accepted.Length;
                augrc += (coverage - previous) * errors / n;
                previous = coverage;
            }

            TestData.Close(aurc, Shipped.Value<Aurc>(s, c), 1e-12);
            TestData.Close(augrc, Shipped.Value<Augrc>(s, c), 1e-12);

            double? ap = null;
            if (wrong.Length > 0)
            {
                double sum = 0, previousRecall = 0;
                foreach (var t in thresholds.Reverse())
                {
                    var flagged = Enumerable.Range(0, n).Where(i => s[i] <= t).ToArray();
                    var hits = flagged.Count(i => !c[i]);
                    var recall = hits / (double)wrong.Length;
                    sum += (recall - previousRecall) * hits / flagged.Length;
                    previousRecall = recall;
                }

                ap = sum;
            }

            TestData.Close(ap, Shipped.Value<AuprError>(s, c), 1e-12);

            double? fpr = null;
            if (correct.Length > 0 && wrong.Length > 0)
            {
                var t = thresholds.First(t => correct.Count(i => s[i] >= t) >= 0.95 * correct.Length);
                fpr = wrong.Count(i => s[i] >= t) / (double)wrong.Length;
            }

            TestData.Close(fpr, Shipped.Value<Fpr95>(s, c));
        }, iter: 2_000);

    [Fact]
    public void Aurc_is_never_below_optimal()
        => Gen.Select(Gen.Int[0, 6].Array[1, 50], Gen.Bool.Array[50]).Sample((levels, flags) =>
        {
            var s = levels.Select(l => (double)l).ToArray();
            var c = flags[..s.Length];
            var eaurc = Shipped.Value<Eaurc>(s, c);
            Assert.True(eaurc >= 0, $"E-AURC {eaurc:R}");
            Assert.True(Shipped.Value<Aurc>(s, c) >= Eaurc.Optimal(s.Length, c.Count(x => x)));
        }, iter: 5_000);

    [Fact]
    public void Metrics_are_bit_identical_under_permutation()
        => Gen.Select(Gen.Int[0, 4].Array[1, 40], Gen.Bool.Array[40], Gen.Int).Sample((levels, flags, seed) =>
        {
            var s = levels.Select(l => l / 4.0).ToArray();
            var c = flags[..s.Length];
            var order = TestData.Permutation(s.Length, seed);
            var ps = TestData.Permute(s, order);
            var pc = TestData.Permute(c, order);
            Assert.Equal(Shipped.Value<Auroc>(s, c), Shipped.Value<Auroc>(ps, pc));
            Assert.Equal(Shipped.Value<AuprError>(s, c), Shipped.Value<AuprError>(ps, pc));
            Assert.Equal(Shipped.Value<Fpr95>(s, c), Shipped.Value<Fpr95>(ps, pc));
            Assert.Equal(Shipped.Value<Aurc>(s, c), Shipped.Value<Aurc>(ps, pc));
            Assert.Equal(Shipped.Value<Eaurc>(s, c), Shipped.Value<Eaurc>(ps, pc));
            Assert.Equal(Shipped.Value<Augrc>(s, c), Shipped.Value<Augrc>(ps, pc));
            var last = c.Reverse().ToArray();
            Assert.Equal(Shipped.EefpAuroc(s, c, last), Shipped.EefpAuroc(ps, pc, TestData.Permute(last, order)));
        }, iter: 2_000);

    [Fact]
    public void ScoreGroupsHoldOneGroupPerDistinctScoreFromTheHighest()
    {
        // Scores 0.5, 0.2, 0.5, 0.9 with positives T, T, F, F: groups 0.9 (0 positive, 1 negative), 0.5 (1, 1), 0.2 (1, 0).
        var groups = ScoreGroups.Create([0.5, 0.2, 0.5, 0.9], [1, 0, 2, 3], [true, true, false, false]);
        Assert.Equal([0.9, 0.5, 0.2], groups.Values.ToArray());
        Assert.Equal([0, 1, 1], groups.Positives.ToArray());
        Assert.Equal([1, 1, 0], groups.Negatives.ToArray());
        Assert.Equal((2, 2), (groups.PositiveTotal, groups.NegativeTotal));
    }
}
