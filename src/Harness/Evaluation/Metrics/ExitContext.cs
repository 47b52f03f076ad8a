using EarlyExitBench.Contracts;
using Sort = EarlyExitBench.Harness.Evaluation.ScoreOrder;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary>
/// The harness's <see cref="ExitMetricContext"/>: one method's per-exit outputs and score sorts, computed once for all
/// metrics. The views are the public context's own; the host only supplies them faster: the sorted confidences reuse the
/// score's radix sort when the score is the confidence, and the probability totals come from the one pass that read the
/// rows (<see cref="ExitOutputs"/>). Used by one thread at a time.
/// </summary>
internal sealed class ExitContext(int exit, EvaluationInput input, IReadOnlyList<ExitOutputs> outputs, IReadOnlyList<Sort> orders) : ExitMetricContext
{
    public override int Exit => exit;

    public override int Exits => outputs.Count;

    public override int Bins => input.Bins;

    public override ReadOnlySpan<int> Labels => input.Labels;

    public override ReadOnlySpan<double> Scores(int exit) => input.Scores[exit];

    public override ReadOnlySpan<double> ScoresBeforeCalibration(int exit) => input.ScoresBeforeCalibration is { } before ? before[exit] : [];

    public override ReadOnlySpan<int> ScoreOrder(int exit) => orders[exit].Order;

    public override ReadOnlySpan<int> Predictions(int exit) => outputs[exit].Predictions;

    public override ReadOnlySpan<bool> Correct(int exit) => outputs[exit].Correct;

    public override ReadOnlySpan<double> Confidence(int exit) => outputs[exit].Confidence;

    public override ClassMatrix Probabilities(int exit) => input.Probabilities[exit];

    protected override SortedConfidence SortConfidence()
    {
        var own = outputs[exit];
        var order = own.Confidence.AsSpan().SequenceEqual(input.Scores[exit]) ? orders[exit] : Sort.Create(own.Confidence);
        return SortedConfidence.Create(own.Confidence, order.Order, own.Correct);
    }

    protected override ProbabilityTotals SumProbabilities() => outputs[exit].Totals;
}
