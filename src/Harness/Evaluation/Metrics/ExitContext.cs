using EarlyExitBench.Contracts;
using Sort = EarlyExitBench.Harness.Evaluation.ScoreOrder;

namespace EarlyExitBench.Harness.Evaluation.Metrics;

/// <summary>
/// The harness's <see cref="ExitMetricContext"/>: one method's per-exit outputs and score sorts, computed once for all
/// metrics, plus the groupings the built-in metrics share, made when first asked for. Used by one thread at a time.
/// </summary>
internal sealed class ExitContext(int exit, EvaluationInput input, IReadOnlyList<ExitOutputs> outputs, IReadOnlyList<Sort> orders) : ExitMetricContext
{
    private ScoreGroups? _groups;
    private ScoreGroups? _safeToStop;
    private SortedConfidence? _confidence;
    private (double Ece, double Mce)? _equalWidth;
    private int? _hits;

    public override int Exit => exit;

    public override int Exits => outputs.Count;

    public override int Bins => input.Bins;

    public override ReadOnlySpan<int> Labels => input.Labels;

    /// <summary>This exit's outputs.</summary>
    public ExitOutputs Outputs => outputs[exit];

    /// <summary>Correct predictions at this exit.</summary>
    public int Hits => _hits ??= Efficiency.Hits(Outputs.Correct);

    /// <summary>This exit's scores grouped by value, positives = correct.</summary>
    public ScoreGroups Groups => _groups ??= ScoreGroups.Create(orders[exit], Outputs.Correct);

    /// <summary>This exit's scores grouped by value, positives = safe to stop (correct here, or wrong at the last exit too).</summary>
    public ScoreGroups SafeToStopGroups => _safeToStop ??= ScoreGroups.Create(orders[exit], FailureMetrics.SafeToStop(Outputs.Correct, outputs[^1].Correct));

    /// <summary>Equal-width ECE and MCE.</summary>
    public (double Ece, double Mce) EqualWidth => _equalWidth ??= SortedConfidence.EqualWidth(input.Bins);

    /// <summary>Confidences sorted with their correctness; with msp the score's sort is reused.</summary>
    public SortedConfidence SortedConfidence => _confidence ??= Outputs.Confidence.AsSpan().SequenceEqual(input.Scores[exit])
        ? SortedConfidence.From(orders[exit], Outputs.Correct)
        : SortedConfidence.Create(Outputs.Confidence, Outputs.Correct);

    /// <summary>This exit's score sort.</summary>
    public Sort Order => orders[exit];

    public override ReadOnlySpan<double> Scores(int exit) => input.Scores[exit];

    public override ReadOnlySpan<double> ScoresBeforeCalibration(int exit) => input.ScoresBeforeCalibration is { } before ? before[exit] : [];

    public override ReadOnlySpan<int> ScoreOrder(int exit) => orders[exit].Order;

    public override ReadOnlySpan<int> Predictions(int exit) => outputs[exit].Predictions;

    public override ReadOnlySpan<bool> Correct(int exit) => outputs[exit].Correct;

    public override ReadOnlySpan<double> Confidence(int exit) => outputs[exit].Confidence;

    public override ClassMatrix Probabilities(int exit) => input.Probabilities[exit];
}
