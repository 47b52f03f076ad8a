using EarlyExitBench.Contracts;

namespace EarlyExitBench.Tests.Plugins.Calibrators;

/// <summary>What every calibrator promises: distributions out, finite for extreme logits, deterministic.</summary>
public class CalibratorContractTests
{
    public static TheoryData<string> All => new(CalibratorCases.All);

    public static TheoryData<string> KeepArgmax => new(CalibratorCases.KeepArgmax);

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

        foreach (var logits in new[] { test, CalibratorCases.Extreme(seed: 8) })
        {
            var probabilities = fitted.Apply(logits);
            for (var i = 0; i < logits.Rows; i++)
            {
                Assert.Equal(Synthetic.Argmax(logits.Row(i)), Synthetic.Argmax(probabilities.Row(i)));
            }
        }
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
