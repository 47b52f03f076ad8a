using CsCheck;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Evaluation.Metrics;
using EarlyExitBench.Harness.Methods;

namespace EarlyExitBench.Tests.Evaluation.Metrics;

/// <summary><c>risk_at_80</c>, the selective risk at 80% coverage, by hand and against its definition computed here.</summary>
public class RiskAt80Tests
{
    [Fact]
    public void ATieGroupCrossingTheLineIsAcceptedWhole()
    {
        // n = 10, so 8 samples make 80%. From the top: 0.9 ✓, 0.8 ✓ ✗, 0.7 ✓, 0.6 ✗, 0.5 ✓, 0.4 ✓ are 7 samples; the
        // tie at 0.3 (✗ ✓) crosses the line and comes in whole: 9 accepted, wrong at 0.8, 0.6 and 0.3, risk 3/9. Cutting
        // at exactly 8 would give 2/8 or 3/8 depending on the order of the tied rows.
        double[] scores = [0.3, 0.8, 0.9, 0.6, 0.1, 0.5, 0.8, 0.4, 0.3, 0.7];
        bool[] correct = [false, true, true, false, false, true, false, true, true, true];
        Assert.Equal(3.0 / 9, Shipped.Value<RiskAt80>(scores, correct));
    }

    [Fact]
    public void EdgeCases()
    {
        Assert.Equal(0.0, Shipped.Value<RiskAt80>([0.2, 0.9, 0.5], [true, true, true]));
        Assert.Equal(1.0, Shipped.Value<RiskAt80>([0.2, 0.9, 0.5], [false, false, false]));
        Assert.Equal(1.0, Shipped.Value<RiskAt80>([0.5], [false]));

        // Every score tied: all samples are accepted at once, the risk is the error rate.
        Assert.Equal(2.0 / 5, Shipped.Value<RiskAt80>([0.5, 0.5, 0.5, 0.5, 0.5], [true, false, true, false, true]));

        // 5 samples: 4 make 80%; the four best are right, the worst wrong.
        Assert.Equal(0.0, Shipped.Value<RiskAt80>([0.9, 0.8, 0.7, 0.6, 0.1], [true, true, true, true, false]));
    }

    [Fact]
    public void MatchesTheDefinitionByBruteForce()
        => Gen.Select(Gen.Int[0, 8].Array[1, 60], Gen.Bool.Array[60]).Sample((levels, flags) =>
        {
            var s = levels.Select(l => l / 8.0).ToArray();
            var c = flags[..s.Length];
            var n = s.Length;

            // The highest threshold t whose accepted set {s ≥ t} holds at least ⌈0.8·n⌉ samples (decimal: exact).
            var needed = (int)Math.Ceiling(0.8m * n);
            var t = s.Distinct().OrderByDescending(v => v).First(v => s.Count(x => x >= v) >= needed);
            var accepted = Enumerable.Range(0, n).Where(i => s[i] >= t).ToArray();
            var expected = accepted.Count(i => !c[i]) / (double)accepted.Length;

            Assert.Equal(expected, Shipped.Value<RiskAt80>(s, c));
        }, iter: 3_000);

    [Fact]
    public void IsTheLeaderboardsRiskCoverageCurveAtEightyPercentAndIsAppendedAfterTheEarlierBuiltIns()
    {
        var random = new Random(5);
        var probabilities = TestData.RandomProbabilities(random, 500, 4, 1.0);
        var labels = Enumerable.Range(0, 500).Select(_ => random.Next(4)).ToArray();
        var outputs = ExitOutputs.Compute(probabilities, labels, 15);
        var scores = outputs.Confidence.Select(v => Math.Round(v, 2)).ToArray();
        var evaluation = MethodEvaluator.Evaluate(new EvaluationInput([probabilities], [scores], labels, [1.0]));

        var value = evaluation.PerExit[0]["risk_at_80"]!.Value;
        Assert.Equal(Math.Round(value, 6), RiskCoverage.Curve(scores, outputs.Correct)[(int)(0.8 * RiskCoverage.Points) - 1]);

        var names = BuiltInMetrics.All.Select(m => m.Name).ToList();
        Assert.Equal(names.IndexOf("rank_preservation") + 1, names.IndexOf("risk_at_80"));
        var metric = new RiskAt80();
        Assert.Equal(MetricDirection.LowerIsBetter, metric.Info.Direction);
        Assert.Equal((0.0, 1.0, true, false), (metric.Info.Minimum, metric.Info.Maximum, metric.Info.IsProxy, metric.Info.MayBeUndefined));
    }
}
