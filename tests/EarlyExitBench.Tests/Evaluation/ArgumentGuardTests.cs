using System.Text;
using System.Text.Json;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Evaluation.Metrics;
using static EarlyExitBench.Tests.Support.Guards;

namespace EarlyExitBench.Tests.Evaluation;

/// <summary>
/// The argument checks of the evaluation core, each with its exact exception type, the parameter it names and, where it
/// carries numbers, its message. Without them a caller meets a NullReferenceException or an IndexOutOfRangeException
/// from deep inside a loop, or, worse, a number.
/// </summary>
public class ArgumentGuardTests
{
    [Fact]
    public void FailureMetricsOfNoGroupsNameTheGroups()
    {
        NamesNull("groups", () => Auroc.Of(null!));
        NamesNull("groups", () => AuprError.Of(null!));
        NamesNull("groups", () => Fpr95.Of(null!));
        NamesNull("groups", () => Aurc.Of(null!));
        NamesNull("groups", () => Eaurc.Of(null!));
        NamesNull("groups", () => Augrc.Of(null!));
    }

    [Fact]
    public void TheOptimalAurcNeedsACountAndAFeasibleNumberCorrect()
    {
        NamesOutOfRange("count", () => Eaurc.Optimal(0, 0));
        NamesOutOfRange("correctCount", () => Eaurc.Optimal(3, -1));
        NamesOutOfRange("correctCount", () => Eaurc.Optimal(3, 4));

        // All correct: no risk at any coverage. One wrong of two: the perfect ranking takes it last, risk 1/2 at
        // coverage 1 only: (1/2)·(0 + 1/2) = 1/4.
        Assert.Equal(0.0, Eaurc.Optimal(3, 3));
        Assert.Equal(0.25, Eaurc.Optimal(2, 1), 15);
    }

    [Fact]
    public void PairedInputsOfDifferentLengthsAreRejected()
    {
        const string same = "Both sides must have the same length.";
        Rejects(same, "y", () => RankCorrelation.KendallTauB([1.0, 2.0], [1.0]));
        Rejects(same, "yOrder", () => RankCorrelation.KendallTauB([1.0, 2.0], ScoreOrder.Create([1.0])));
        Rejects(same, "y", () => RankCorrelation.Spearman([1.0, 2.0, 3.0], [1.0, 2.0]));
        Rejects(same, "y", () => ProxyCorrelation.Correlate([1.0, 2.0], [1.0], 0, 1));
        Rejects("Scores, their order and labels must have the same length.", "positive", () => ScoreGroups.Create([0.1, 0.2, 0.3], [0, 1, 2], [true, false]));
        Rejects("Confidence, its order and correctness must have the same length.", "correct", () => SortedConfidence.Create([0.1, 0.2], [true]));
        Rejects("Confidence, its order and correctness must have the same length.", "correct", () => SortedConfidence.Create([0.1, 0.2], ScoreOrder.Create([0.1, 0.2]).Order, [true]));
        Rejects("Scores and their order must have the same length.", "ascendingOrder", () => ScoreOrder.FromOrder([0.1, 0.2], [0]));
        Assert.Equal("Every exit must have the same number of samples.",
            Assert.Throws<InvalidOperationException>(() => Shipped.EefpAuroc([0.1, 0.2], [true, false], [true])).Message);
    }

    [Fact]
    public void FewerThanTwoPairsHaveNoRankCorrelation()
    {
        // Not an error: no pair, no correlation (an empty side cannot even be sorted).
        Assert.Null(RankCorrelation.KendallTauB(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty));
        Assert.Null(RankCorrelation.KendallTauB([1.0], [2.0]));
        Assert.Null(RankCorrelation.KendallTauB([1.0], ScoreOrder.Create([2.0])));
        Assert.Null(RankCorrelation.Spearman(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty));
        Assert.Null(RankCorrelation.Spearman([1.0], [2.0]));
    }

    [Fact]
    public void ScoresMustBeThereAndNotNaN()
    {
        Rejects("At least one sample is required.", "scores", () => ScoreOrder.Create([]));
        Rejects("Score of sample 1 is NaN.", "scores", () => ScoreOrder.Create([0.5, double.NaN, 0.2]));
    }

    [Fact]
    public void EqualMassBinsNeedAtLeastOneBin()
    {
        var sorted = SortedConfidence.Create([0.2, 0.9], [false, true]);
        NamesOutOfRange("bins", () => AdaptiveEce.Of(sorted, 0));
        NamesOutOfRange("bins", () => ReliabilityBins.Create(sorted, 0));
        NamesOutOfRange("bins", () => _ = new EqualWidthBins(0));
    }

    [Fact]
    public void TheSweepChecksItsArguments()
    {
        NamesNull("scores", () => ExitSweep.Sweep(null!, [[true]], [1]));
        NamesNull("correct", () => ExitSweep.Sweep([[0.5]], null!, [1]));
        NamesNull("exitCosts", () => ExitSweep.Sweep([[0.5]], [[true]], null!));
        NamesNull("points", () => ExitSweep.PointAt(null!, 0.5));
        NamesNull("exitCosts", () => ExitSweep.MeanCost([1], 1, null!));

        // 1.1e9 samples × 2 early exits is more events than an array holds; refused before anything is allocated.
        Rejects("Too many samples × exits for one sweep.", "scores",
            () => ExitSweep.SortEvents([new double[1], new double[1], new double[1]], 1_100_000_000));
    }

    [Fact]
    public void ExitOutputsCheckTheMatrixTheBinsAndEveryLabel()
    {
        var two = TestData.Matrix([[0.9f, 0.1f], [0.6f, 0.4f]]);
        NamesNull("matrix", () => ExitOutputs.Compute(null!, [0, 1], 15));
        NamesOutOfRange("bins", () => ExitOutputs.Compute(two, [0, 1], 0));
        Rejects("Expected 2 labels, got 3.", "labels", () => ExitOutputs.Compute(two, [0, 1, 1], 15));
        Rejects("At least one sample is required.", "matrix", () => ExitOutputs.Compute(new ClassMatrix([], 0, 2), [], 15));

        // Label C is one past the last class.
        var label = Assert.Throws<ArgumentOutOfRangeException>(() => ExitOutputs.Compute(two, [0, 2], 15));
        Assert.Equal("labels", label.ParamName);
        Assert.StartsWith("Label 2 of sample 1 is outside [0, 2).", label.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ExitOutputs.FromLogits(two, [0, 2], 15));
    }

    [Fact]
    public void TheEvaluatorNamesEachMissingPart()
    {
        var two = TestData.Matrix([[0.9f, 0.1f], [0.6f, 0.4f]]);
        var input = new EvaluationInput([two], [[0.9, 0.6]], [0, 1], [1.0]);
        NamesNull("input", () => MethodEvaluator.Evaluate(null!));
        NamesNull("input.Probabilities", () => MethodEvaluator.Evaluate(input with { Probabilities = null! }));
        NamesNull("input.Scores", () => MethodEvaluator.Evaluate(input with { Scores = null! }));
        NamesNull("input.Labels", () => MethodEvaluator.Evaluate(input with { Labels = null! }));
        NamesNull("input.ExitCosts", () => MethodEvaluator.Evaluate(input with { ExitCosts = null! }));
    }

    [Fact]
    public void TheEvaluatorRejectsOneExitsOutputsOfTheWrongLength()
    {
        var two = TestData.Matrix([[0.9f, 0.1f], [0.6f, 0.4f]]);
        var right = ExitOutputs.Compute(two, [0, 1], 15);
        var wrong = ExitOutputs.Compute(TestData.Matrix([[0.9f, 0.1f]]), [0], 15);
        Rejects("Expected 2 exits of outputs for 2 samples.", "input", () => MethodEvaluator.Evaluate(
            new EvaluationInput([two, two], [[0.9, 0.6], [0.9, 0.6]], [0, 1], [1, 2], Outputs: [right, wrong])));
    }

    [Fact]
    public void TheEvaluatorChecksTheCostsBeforeAnyMetricRuns()
    {
        var two = TestData.Matrix([[0.9f, 0.1f], [0.6f, 0.4f]]);
        var calls = 0;
        var counting = new MetricDefinition("counting", "counts its calls", new MetricInfo(MetricDirection.HigherIsBetter, string.Empty),
            () => new CountingMetric(() => Interlocked.Increment(ref calls)));
        Rejects("Exit costs must be finite, strictly positive and nondecreasing.", "exitCosts", () => MethodEvaluator.Evaluate(
            new EvaluationInput([two, two, two], [[0.9, 0.6], [0.9, 0.6], [0.9, 0.6]], [0, 1], [3, 2, 1], Metrics: [counting])));
        Assert.Equal(0, calls);
    }

    [Fact]
    public void ProxyCorrelationChecksItsArguments()
    {
        var one = new Dictionary<string, double> { ["ece"] = 0.1 };
        NamesNull("proxies", () => ProxyCorrelation.Compute(null!, [1.0], 0, 1));
        NamesNull("efficiency", () => ProxyCorrelation.Compute([one], null!, 0, 1));
        NamesOutOfRange("resamples", () => ProxyCorrelation.Compute([one], [1.0], -1, 1));
        Rejects("Got 1 methods' proxies but 2 efficiency scores.", "efficiency", () => ProxyCorrelation.Compute([one], [1.0, 2.0], 0, 1));
        NamesNull("x", () => ProxyCorrelation.Correlate(null!, [1.0], 0, 1));
        NamesNull("y", () => ProxyCorrelation.Correlate([1.0], null!, 0, 1));
        NamesNull("values", () => ProxyCorrelation.Interval(null!));
        Assert.Null(ProxyCorrelation.Interval([]));
    }

    [Fact]
    public void PerExitMetricsJsonRejectsWhatItCannotRead()
    {
        static ExitMetrics Read(string json) => JsonSerializer.Deserialize<ExitMetrics>(json)!;
        Assert.StartsWith("Expected an object of per-exit metrics.", Assert.Throws<JsonException>(() => Read("[1]")).Message, StringComparison.Ordinal);
        Assert.StartsWith("Per-exit metrics without 'exit'.", Assert.Throws<JsonException>(() => Read("""{"ece": 0.1}""")).Message, StringComparison.Ordinal);

        var read = Read("""{"exit": 2, "ece": 0.25, "auroc": null}""");
        Assert.Equal(new ExitMetrics(2, [new MetricValue("ece", 0.25), new MetricValue("auroc", null)]), read);

        var converter = new ExitMetricsJsonConverter();
        using var stream = new MemoryStream();
        using var writer = new Utf8JsonWriter(stream);
        NamesNull("writer", () => converter.Write(null!, read, JsonSerializerOptions.Default));
        NamesNull("value", () => converter.Write(writer, null!, JsonSerializerOptions.Default));
        converter.Write(writer, read, JsonSerializerOptions.Default);
        writer.Flush();
        Assert.Equal("""{"exit":2,"ece":0.25,"auroc":null}""", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void PerExitMetricsAreEqualOnlyWithTheSameExitAndValues()
    {
        var values = new[] { new MetricValue("ece", 0.1), new MetricValue("auroc", 0.8) };
        var a = new ExitMetrics(0, values);
        Assert.Equal(a, new ExitMetrics(0, [.. values]));
        Assert.Equal(a.GetHashCode(), new ExitMetrics(0, [.. values]).GetHashCode());
        Assert.NotEqual(a, new ExitMetrics(1, values));
        Assert.NotEqual(a, new ExitMetrics(0, [values[0], new MetricValue("auroc", 0.7)]));
        Assert.False(a.Equals(null));

        // Hash codes are seeded per process; a collision of these would take a 1-in-2³² coincidence.
        Assert.NotEqual(a.GetHashCode(), new ExitMetrics(1, values).GetHashCode());
        Assert.NotEqual(a.GetHashCode(), new ExitMetrics(0, [values[0], new MetricValue("auroc", 0.7)]).GetHashCode());
    }

    private sealed class CountingMetric(Action call) : IExitMetric
    {
        public MetricInfo Info { get; } = new(MetricDirection.HigherIsBetter, string.Empty);

        public double? Compute(ExitMetricContext context)
        {
            call();
            return 0;
        }
    }
}
