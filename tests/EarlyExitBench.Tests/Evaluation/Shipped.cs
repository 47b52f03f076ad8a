using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Evaluation.Metrics;

namespace EarlyExitBench.Tests.Evaluation;

/// <summary>
/// The shipped metric classes computed on small inputs: over scores and correctness through the public context (as a
/// plugin author's test would build it), or over a probability matrix through the host's own context and its one pass
/// over the rows. The hand-worked tests check these, not a second copy of the formulas.
/// </summary>
internal static class Shipped
{
    /// <summary>A failure-prediction metric of <paramref name="scores"/> against <paramref name="correct"/>, at a single exit.</summary>
    public static double? Value<TMetric>(double[] scores, bool[] correct)
        where TMetric : IExitMetric, new()
        => new TMetric().Compute(new ArrayContext([scores], [correct]));

    /// <summary>A confidence metric (ECE and its kin): the score is the confidence.</summary>
    public static double Calibration<TMetric>(double[] confidence, bool[] correct, int bins = 15)
        where TMetric : IExitMetric, new()
        => new TMetric().Compute(new ArrayContext([confidence], [correct]) { BinCount = bins })!.Value;

    /// <summary><c>eefp_auroc</c> at the first of two exits.</summary>
    public static double? EefpAuroc(double[] scores, bool[] correct, bool[] correctAtLast)
        => new Harness.Evaluation.Metrics.EefpAuroc().Compute(new ArrayContext([scores, scores], [correct, correctAtLast]));

    /// <summary>A metric of a probability matrix through the host's context (scores = confidences).</summary>
    public static double Matrix<TMetric>(ClassMatrix probabilities, int[] labels, int bins = 15)
        where TMetric : IExitMetric, new()
    {
        var outputs = ExitOutputs.Compute(probabilities, labels, bins);
        var input = new EvaluationInput([probabilities], [outputs.Confidence], labels, [1.0], Bins: bins);
        return new TMetric().Compute(new ExitContext(0, input, [outputs], [ScoreOrder.Create(outputs.Confidence)]))!.Value;
    }
}

/// <summary>A metric context over plain arrays; every view is the public context's own.</summary>
/// <param name="scores">[K][n] scores.</param>
/// <param name="correct">[K][n] correctness.</param>
internal sealed class ArrayContext(double[][] scores, bool[][] correct) : ExitMetricContext
{
    public int ExitIndex { get; init; }

    public int BinCount { get; init; } = 15;

    /// <summary>[K][n] confidences; the scores when not given.</summary>
    public double[][]? ConfidenceValues { get; init; }

    public double[][]? Before { get; init; }

    /// <summary>[K] probability matrices, for the metrics that read the rows.</summary>
    public ClassMatrix[]? Matrices { get; init; }

    public int[]? LabelValues { get; init; }

    public override int Exit => ExitIndex;

    public override int Exits => scores.Length;

    public override int Bins => BinCount;

    public override ReadOnlySpan<int> Labels => LabelValues ?? new int[scores[0].Length];

    public override ReadOnlySpan<double> Scores(int exit) => scores[exit];

    public override ReadOnlySpan<double> ScoresBeforeCalibration(int exit) => Before is { } before ? before[exit] : [];

    public override ReadOnlySpan<int> ScoreOrder(int exit) =>
        Enumerable.Range(0, scores[exit].Length).OrderBy(i => scores[exit][i]).ThenBy(i => i).ToArray();

    public override ReadOnlySpan<int> Predictions(int exit) => new int[scores[exit].Length];

    public override ReadOnlySpan<bool> Correct(int exit) => correct[exit];

    public override ReadOnlySpan<double> Confidence(int exit) => (ConfidenceValues ?? scores)[exit];

    public override ClassMatrix Probabilities(int exit) => Matrices?[exit] ?? throw new NotSupportedException("No probabilities in this context.");
}
