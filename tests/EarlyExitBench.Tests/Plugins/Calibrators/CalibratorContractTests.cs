using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Methods;

namespace EarlyExitBench.Tests.Plugins.Calibrators;

/// <summary>
/// What every registered calibrator promises (distributions out, finite for extreme logits, deterministic), and what each
/// registration's flags promise, checked by behaviour for the calibrators that set them; an unset flag is never asserted.
/// </summary>
public class CalibratorContractTests
{
    public static TheoryData<string> All => CalibratorCases.Data(_ => true);

    public static TheoryData<string> KeepArgmax => CalibratorCases.Data(i => i.KeepsArgmax);

    public static TheoryData<string> KeepSampleOrder => CalibratorCases.Data(i => i.KeepsSampleOrder);

    public static TheoryData<string> Identities => CalibratorCases.Data(i => i.IsIdentity);

    public static TheoryData<string> NotIdentities => CalibratorCases.Data(i => !i.IsIdentity);

    public static TheoryData<string> LabelFree => CalibratorCases.Data(i => !i.UsesValidationLabels);

    [Theory]
    [MemberData(nameof(All))]
    public void OutputsAreDistributionsEvenForExtremeLogits(string name)
    {
        var (validation, labels) = CalibratorCases.Overconfident(2000, seed: 1);
        var (test, _) = CalibratorCases.Overconfident(500, seed: 2);
        var fitted = CalibratorCases.Create(name).Fit(validation, labels, CancellationToken.None);

        AssertDistributions(fitted.Apply(test), test);
        AssertDistributions(fitted.Apply(CalibratorCases.Extreme(seed: 3)), CalibratorCases.Extreme(seed: 3));
        Assert.All(fitted.Parameters.Values, v => Assert.True(double.IsFinite(v)));
    }

    [Theory]
    [MemberData(nameof(All))]
    public void FitsOnExtremeLogitsWithFiniteResults(string name)
    {
        var (u, labels) = Synthetic.Calibrated(1000, 10, 1.5, seed: 4);
        var huge = Synthetic.Observe(u, 10, row => row.Select(v => 3000 * v).ToArray()); // |z| up to ~1e4

        var fitted = CalibratorCases.Create(name).Fit(huge, labels, CancellationToken.None);

        AssertDistributions(fitted.Apply(huge), huge);
        AssertDistributions(fitted.Apply(CalibratorCases.Extreme(seed: 5)), CalibratorCases.Extreme(seed: 5));
        Assert.All(fitted.Parameters.Values, v => Assert.True(double.IsFinite(v)));
    }

    [Theory]
    [MemberData(nameof(KeepArgmax))]
    public void KeepsEachSamplesArgmax(string name)
    {
        var (validation, labels) = CalibratorCases.Overconfident(2000, seed: 6);
        var (test, _) = CalibratorCases.Overconfident(2000, seed: 7);
        var fitted = CalibratorCases.Create(name).Fit(validation, labels, CancellationToken.None);

        foreach (var logits in new[] { test, CalibratorCases.Extreme(seed: 8), RandomLogits(1000, seed: 11) })
        {
            var probabilities = fitted.Apply(logits);
            for (var i = 0; i < logits.Rows; i++)
            {
                Assert.Equal(Synthetic.Argmax(logits.Row(i)), Synthetic.Argmax(probabilities.Row(i)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(KeepSampleOrder))]
    public void KeepsTheOrderOfSamplesByConfidence(string name)
    {
        var (validation, labels) = CalibratorCases.Overconfident(2000, seed: 12);
        var fitted = CalibratorCases.Create(name).Fit(validation, labels, CancellationToken.None);

        foreach (var logits in new[] { RandomLogits(600, seed: 13), CalibratorCases.Overconfident(600, seed: 14).Logits })
        {
            // Before: the confidence of the plain softmax as the host computes it in single precision (Probabilities.Softmax).
            Assert.Equal(1.0, KendallTauB(MaxProbability(Probabilities.Softmax(logits)), MaxProbability(fitted.Apply(logits))), 12);
        }
    }

    [Theory]
    [MemberData(nameof(Identities))]
    public void AnIdentityOutputsThePlainSoftmax(string name)
    {
        var (validation, labels) = CalibratorCases.Overconfident(500, seed: 15);
        var logits = RandomLogits(500, seed: 16);

        var probabilities = CalibratorCases.Create(name).Fit(validation, labels, CancellationToken.None).Apply(logits);

        var softmax = new double[logits.Columns];
        for (var i = 0; i < logits.Rows; i++)
        {
            Softmax(logits.Row(i), softmax);
            for (var c = 0; c < logits.Columns; c++)
            {
                Assert.Equal(softmax[c], probabilities[i, c], 1e-6);
            }
        }
    }

    [Theory]
    [MemberData(nameof(LabelFree))]
    public void OtherValidationLabelsChangeNothing(string name)
    {
        var (validation, labels) = CalibratorCases.Overconfident(1000, seed: 17);
        var other = labels.Select(l => (l + 3) % 10).ToArray();
        var test = RandomLogits(300, seed: 18);

        var withLabels = CalibratorCases.Create(name).Fit(validation, labels, CancellationToken.None);
        var withOthers = CalibratorCases.Create(name).Fit(validation, other, CancellationToken.None);

        Assert.Equal(withLabels.Apply(test).Values.ToArray(), withOthers.Apply(test).Values.ToArray());
        Assert.Equal(withLabels.Parameters, withOthers.Parameters);
    }

    [Theory]
    [MemberData(nameof(NotIdentities))]
    public void IsNoSilentNoOpOnMiscalibratedData(string name)
    {
        var (validation, labels) = CalibratorCases.Overconfident(2000, seed: 19);
        var fitted = CalibratorCases.Create(name).Fit(validation, labels, CancellationToken.None);

        // As the host hands calibrated validation outputs on: calibrated logits where the calibrator gives them.
        var outputs = fitted is ILogitCalibration logit
            ? new MultiExitOutputs([validation], [fitted.Apply(validation)]) { CalibratedLogits = [logit.CalibrateLogits(validation)] }
            : new MultiExitOutputs([validation], [fitted.Apply(validation)]);

        Assert.Empty(SilentNoOp.Find([validation], labels, outputs));
    }

    [Fact]
    public void TheOrderOracleSeesAReorderAndTheNoOpRuleSeesTheUncalibratedData()
    {
        // The oracles of the flag tests can fail: temperature 2 swaps the confidence order of some random logits, and the
        // overconfident data the no-op test fits on is miscalibrated enough that leaving it unchanged would be flagged.
        var logits = RandomLogits(600, seed: 13);
        var (validation, labels) = CalibratorCases.Overconfident(2000, seed: 19);

        Assert.True(KendallTauB(MaxProbability(Probabilities.Softmax(logits)), MaxProbability(Probabilities.Softmax(logits, temperature: 2))) < 0.999);
        Assert.Single(SilentNoOp.Find([validation], labels, new MultiExitOutputs([validation], [Probabilities.Softmax(validation)])));
    }

    [Theory]
    [MemberData(nameof(All))]
    public void FitIsDeterministic(string name)
    {
        var (validation, labels) = CalibratorCases.Overconfident(1500, seed: 9);

        var first = CalibratorCases.Create(name).Fit(validation, labels, CancellationToken.None).Apply(validation);
        var second = CalibratorCases.Create(name).Fit(validation, labels, CancellationToken.None).Apply(validation);

        Assert.Equal(first.Values.ToArray(), second.Values.ToArray());
    }

    [Theory]
    [MemberData(nameof(All))]
    public void RejectsLabelsThatDoNotMatchTheRows(string name)
    {
        var (validation, labels) = CalibratorCases.Overconfident(100, seed: 10);

        Assert.ThrowsAny<ArgumentException>(() => CalibratorCases.Create(name).Fit(validation, labels.AsSpan(1), CancellationToken.None));
    }

    /// <summary>Gaussian logits whose scale varies by row (0.05 to 20), so confidences span (1/C, 1].</summary>
    private static ClassMatrix RandomLogits(int rows, int seed)
    {
        var random = new Random(seed);
        return Synthetic.Matrix([.. Enumerable.Range(0, rows).Select(_ =>
        {
            var scale = 0.05 * Math.Pow(400, random.NextDouble());
            return Enumerable.Range(0, 10).Select(_ => scale * Synthetic.Gaussian(random)).ToArray();
        })]);
    }

    private static void Softmax(ReadOnlySpan<float> logits, double[] destination)
    {
        var max = double.NegativeInfinity;
        foreach (var z in logits)
        {
            max = Math.Max(max, z);
        }

        var sum = 0.0;
        for (var c = 0; c < logits.Length; c++)
        {
            destination[c] = Math.Exp(logits[c] - max);
            sum += destination[c];
        }

        for (var c = 0; c < logits.Length; c++)
        {
            destination[c] /= sum;
        }
    }

    private static double[] MaxProbability(ClassMatrix probabilities) =>
        [.. Enumerable.Range(0, probabilities.Rows).Select(i => (double)probabilities.Row(i).ToArray().Max())];

    /// <summary>Kendall τ_b by counting every pair: (concordant − discordant) / √((pairs − ties in x)(pairs − ties in y)).</summary>
    private static double KendallTauB(double[] x, double[] y)
    {
        long concordant = 0, discordant = 0, tiesX = 0, tiesY = 0, pairs = 0;
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = i + 1; j < x.Length; j++)
            {
                pairs++;
                var (dx, dy) = (Math.Sign(x[i] - x[j]), Math.Sign(y[i] - y[j]));
                tiesX += dx == 0 ? 1 : 0;
                tiesY += dy == 0 ? 1 : 0;
                concordant += dx * dy > 0 ? 1 : 0;
                discordant += dx * dy < 0 ? 1 : 0;
            }
        }

        return (concordant - discordant) / Math.Sqrt((double)(pairs - tiesX) * (pairs - tiesY));
    }

    private static void AssertDistributions(ClassMatrix probabilities, ClassMatrix logits)
    {
        Assert.Equal(logits.Rows, probabilities.Rows);
        Assert.Equal(logits.Columns, probabilities.Columns);
        for (var i = 0; i < probabilities.Rows; i++)
        {
            var sum = 0.0;
            foreach (var p in probabilities.Row(i))
            {
                Assert.True(float.IsFinite(p) && p >= 0 && p <= 1, $"row {i}: {p}");
                sum += p;
            }

            Assert.True(Math.Abs(sum - 1) < 1e-5, $"row {i} sums to {sum}");
        }
    }
}
