using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Evaluation.Metrics;
using EarlyExitBench.Tests.Plugins;

namespace EarlyExitBench.Tests.Evaluation;

/// <summary>
/// The built-in metrics as a leaderboard reader meets them: each one's direction, range, whether it is a proxy and may be
/// undefined, with a description and its paper (docs/contributors/metrics.md); and the metrics whose definition depends on the exit
/// or on which score the method ranks by.
/// </summary>
public class BuiltInMetricsTests
{
    // The built-ins of every earlier leaderboard, in its key order: name, higher is better, minimum, maximum, proxy,
    // may be undefined, a word of its citation (docs/contributors/metrics.md).
    public static TheoryData<string, bool, double?, double?, bool, bool, string> Documented => new()
    {
        { "accuracy", true, 0, 1, false, false, "top-1" },
        { "ece", false, 0, 1, true, false, "Naeini" },
        { "adaptive_ece", false, 0, 1, true, false, "Nixon" },
        { "mce", false, 0, 1, true, false, "Naeini" },
        { "classwise_ece", false, 0, 1, true, false, "Kull" },
        { "brier", false, 0, 2, true, false, "Brier" },
        { "nll", false, 0, null, true, false, "Quinonero-Candela" },
        { "auroc", true, 0, 1, true, true, "Hendrycks" },
        { "aupr_error", true, 0, 1, true, true, "Hendrycks" },
        { "fpr95", false, 0, 1, true, true, "Liang" },
        { "aurc", false, 0, 1, true, false, "Geifman" },
        { "eaurc", false, 0, 1, true, false, "Geifman" },
        { "augrc", false, 0, 1, true, false, "Traub" },
        { "eefp_auroc", true, 0, 1, true, true, "EarlyExitBench" },
        { "rank_preservation", true, -1, 1, true, true, "Kendall" },
    };

    [Theory]
    [MemberData(nameof(Documented))]
    public void EachBuiltInMetricIsDescribedAsDocumented(string name, bool higherIsBetter, double? minimum, double? maximum, bool proxy, bool mayBeUndefined, string cited)
    {
        var metric = Assert.Single(BuiltInMetrics.All, m => m.Name == name);
        var info = metric.Info;
        Assert.Equal(higherIsBetter ? MetricDirection.HigherIsBetter : MetricDirection.LowerIsBetter, info.Direction);
        Assert.Equal(minimum, info.Minimum);
        Assert.Equal(maximum, info.Maximum);
        Assert.Equal(proxy, info.IsProxy);
        Assert.Equal(mayBeUndefined, info.MayBeUndefined);
        Assert.Contains(cited, info.Citation, StringComparison.Ordinal);
        Assert.True(metric.Description.Length > 20, $"{name}: '{metric.Description}' is not a description");

        // The instance a method evaluation creates reports the same.
        Assert.Equal(info, metric.Create().Info);
    }

    [Fact]
    public void EachBuiltInIsOnePublicClassOfTheMetricsFolderMadeAfreshPerExit()
    {
        foreach (var metric in BuiltInMetrics.All)
        {
            var first = metric.Create();
            var type = first.GetType();
            Assert.True(type.IsPublic && type.IsSealed, $"{metric.Name}: {type} is not a public sealed class");
            Assert.Equal("EarlyExitBench.Harness.Evaluation.Metrics", type.Namespace);
            Assert.NotSame(first, metric.Create());
            Assert.False(string.IsNullOrWhiteSpace(metric.Info.Citation), $"{metric.Name} cites nothing");
            Assert.True(metric.Description.Length > 20, $"{metric.Name}: '{metric.Description}' is not a description");
            Assert.True(metric.Info.Minimum is null || metric.Info.Maximum is null || metric.Info.Minimum < metric.Info.Maximum, metric.Name);
        }
    }

    [Fact]
    public void TheBuiltInsKeepTheLeaderboardOrderAndRegisterWithTheirCitations()
    {
        // The keys of every earlier leaderboard come first, in their order; a new built-in is appended after them.
        var legacy = Documented.Select(row => (string)row[0]).ToList();
        Assert.Equal(legacy, BuiltInMetrics.All.Take(legacy.Count).Select(m => m.Name));
        Assert.Equal(BuiltInMetrics.All.Count, BuiltInMetrics.All.Select(m => m.Name).Distinct().Count());
        Assert.Equal(BuiltInMetrics.All.Count, BuiltInMetrics.All.Select(m => m.Description).Distinct().Count());

        Assert.Equal("registrar", Assert.Throws<ArgumentNullException>(() => BuiltInMetrics.Register(null!)).ParamName);
        var registrar = new RecordingRegistrar();
        BuiltInMetrics.Register(registrar);
        Assert.Equal(BuiltInMetrics.All.Select(m => (m.Name, m.Description, m.Info.Citation)),
            registrar.Infos.Select(i => (i.Alias, i.Description, i.Citation)));
        Assert.All(registrar.Entries, e => Assert.Equal(typeof(IExitMetric), e.Kind));
    }

    [Fact]
    public void BuiltInMetricsGiveTheSameOnAPlainPublicContextAsInTheHost()
    {
        // Built-ins read only the public context: on one built as a plugin author's test would (views made by the
        // context itself, probability totals summed row by row as their definition reads), each gives what the host's
        // evaluation gives with its radix sorts and its fused one-pass sums. Bit-identical for the views the host only
        // sorts faster; to rounding for the fused sums (Σp² − 2p_y + 1 for Brier, first-bin sums by subtraction).
        var random = new Random(17);
        const int n = 300, classes = 5, bins = 7;
        var matrices = Enumerable.Range(0, 2).Select(_ => TestData.RandomProbabilities(random, n, classes, 1.5)).ToArray();
        var labels = Enumerable.Range(0, n).Select(_ => random.Next(classes)).ToArray();
        var outputs = matrices.Select(p => ExitOutputs.Compute(p, labels, bins)).ToArray();

        // Exit 0 ranks by a coarse score with ties (not the confidence); exit 1 by the confidence itself.
        double[][] scores = [[.. outputs[0].Confidence.Select(c => Math.Round(c * 8) / 8)], outputs[1].Confidence];
        double[][] before = [[.. scores[0].Select(s => -s * s)], outputs[1].Confidence];
        var evaluation = MethodEvaluator.Evaluate(new EvaluationInput(matrices, scores, labels, [1, 2], before, bins));

        for (var k = 0; k < 2; k++)
        {
            var plain = new ArrayContext(scores, [.. outputs.Select(o => o.Correct)])
            {
                ExitIndex = k,
                BinCount = bins,
                ConfidenceValues = [.. outputs.Select(o => o.Confidence)],
                Before = before,
                Matrices = matrices,
                LabelValues = labels,
            };
            foreach (var metric in BuiltInMetrics.All)
            {
                var host = evaluation.PerExit[k][metric.Name];
                var own = metric.Create().Compute(plain);
                if (metric.Name is "brier" or "nll" or "classwise_ece")
                {
                    TestData.Close(own, host, 1e-12);
                }
                else
                {
                    Assert.True(Equals(own, host), $"{metric.Name} at exit {k}: {own:R} on the public context, {host:R} in the host");
                }
            }
        }
    }

    [Fact]
    public void ExitAwareAurocIsDefinedBeforeTheLastExitOnly()
    {
        // Two exits, label 0, four samples: correct at exit 1 = [T, F, F, T], at exit 2 (the last) = [T, T, F, F].
        // Safe to stop at exit 1: correct there, or wrong at the last exit too: [T, F, T, T].
        // Exit 1 scores 0.9, 0.8, 0.3, 0.6: the one unsafe sample (0.8) is above two of the three safe ones, so the
        // AUROC of safe against unsafe is 1/3. The plain AUROC, correct (0.9, 0.6) against wrong (0.8, 0.3), orders 3 of
        // its 4 pairs: 3/4. At the last exit every sample is safe, so the metric is undefined there.
        var exit1 = TestData.Matrix([[0.9f, 0.1f], [0.2f, 0.8f], [0.3f, 0.7f], [0.6f, 0.4f]]);
        var exit2 = TestData.Matrix([[0.9f, 0.1f], [0.8f, 0.2f], [0.4f, 0.6f], [0.45f, 0.55f]]);
        var evaluation = MethodEvaluator.Evaluate(new EvaluationInput(
            [exit1, exit2], [[0.9, 0.8, 0.3, 0.6], [0.9, 0.8, 0.6, 0.55]], [0, 0, 0, 0], [1, 2]));

        Assert.Equal(1.0 / 3, evaluation.PerExit[0]["eefp_auroc"]!.Value, 15);
        Assert.Equal(3.0 / 4, evaluation.PerExit[0]["auroc"]!.Value, 15);
        Assert.Null(evaluation.PerExit[1]["eefp_auroc"]);
        Assert.NotNull(evaluation.PerExit[1]["auroc"]);
    }

    [Fact]
    public void AdaptiveEceDependsOnTheConfidenceNotOnTheScoreTheMethodRanksBy()
    {
        // Equal-mass bins sort the confidences, whatever the failure predictor's score is: a method ranking by a score
        // in the reverse order of the confidence has the same adaptive ECE as one ranking by the confidence.
        var random = new Random(3);
        var probabilities = TestData.RandomProbabilities(random, 60, 3, 2.0);
        var labels = Enumerable.Range(0, 60).Select(_ => random.Next(3)).ToArray();
        var confidence = Enumerable.Range(0, 60).Select(i => (double)probabilities.Row(i).ToArray().Max()).ToArray();
        double AdaptiveEce(double[] scores) => MethodEvaluator.Evaluate(
            new EvaluationInput([probabilities], [scores], labels, [1.0], Bins: 4)).PerExit[0]["adaptive_ece"]!.Value;

        var byConfidence = AdaptiveEce(confidence);
        Assert.Equal(byConfidence, AdaptiveEce([.. confidence.Select(c => -c)]));
        Assert.Equal(byConfidence, AdaptiveEce([.. Enumerable.Range(0, 60).Select(i => (double)((i * 37) % 60))]));

        // And it is the equal-mass ECE of the confidences, computed here: 4 bins of 15 sorted samples.
        var sorted = Enumerable.Range(0, 60).OrderBy(i => confidence[i]).ToArray();
        var expected = 0.0;
        for (var b = 0; b < 4; b++)
        {
            var bin = sorted.Skip(b * 15).Take(15).ToArray();
            expected += Math.Abs(bin.Count(i => Probabilities.ArgMax(probabilities.Row(i)) == labels[i])
                - bin.Sum(i => confidence[i]));
        }

        Assert.Equal(expected / 60, byConfidence, 6);
    }
}
