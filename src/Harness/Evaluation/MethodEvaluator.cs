namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// Evaluates one method: per-exit calibration and failure-prediction metrics, then the threshold sweep and its efficiency.
/// Each probability matrix is read once; exits are evaluated in parallel, each on its own, so results do not depend
/// on scheduling.
/// </summary>
public static class MethodEvaluator
{
    /// <summary>Computes every metric of <paramref name="input"/>.</summary>
    /// <param name="input">Probabilities, scores, labels and costs of one method on the test split.</param>
    /// <returns>Per-exit metrics and efficiency.</returns>
    public static MethodEvaluation Evaluate(EvaluationInput input)
    {
        Validate(input);
        var exits = input.Probabilities.Count;
        var outputs = new ExitOutputs[exits];
        Parallel.For(0, exits, k => outputs[k] = ExitOutputs.Compute(input.Probabilities[k], input.Labels, input.Bins));
        var correct = outputs.Select(o => o.Correct).ToArray();

        var perExit = new ExitMetrics[exits];
        IReadOnlyList<OperatingPoint> points = [];
        Parallel.Invoke(
            () => points = ExitSweep.Sweep(input.Scores, correct, input.ExitCosts),
            () => Parallel.For(0, exits, k => perExit[k] = EvaluateExit(k, input, outputs[k], correct[^1])));

        return new MethodEvaluation(perExit, Efficiency.Compute(points, correct, input.ExitCosts));
    }

    private static ExitMetrics EvaluateExit(int exit, EvaluationInput input, ExitOutputs outputs, bool[] correctAtLast)
    {
        var n = input.Labels.Length;
        var isLast = exit == input.Probabilities.Count - 1;
        var hits = outputs.Correct.Count(c => c);

        var confidence = SortedConfidence.Create(outputs.Confidence, outputs.Correct);
        var (ece, mce) = confidence.EqualWidth(input.Bins);
        var adaptiveEce = confidence.AdaptiveEce(input.Bins);

        var order = ScoreOrder.Create(input.Scores[exit]);
        var groups = ScoreGroups.Create(order, outputs.Correct);
        var aurc = FailureMetrics.Aurc(groups);
        var eefp = isLast ? null : FailureMetrics.Auroc(ScoreGroups.Create(order, FailureMetrics.SafeToStop(outputs.Correct, correctAtLast)));
        var rank = input.ScoresBeforeCalibration is { } before ? RankCorrelation.KendallTauB(before[exit], order) : null;

        return new ExitMetrics(
            exit,
            (double)hits / n,
            ece,
            adaptiveEce,
            mce,
            outputs.ClasswiseEce,
            outputs.Brier,
            outputs.Nll,
            FailureMetrics.Auroc(groups),
            FailureMetrics.AuprError(groups),
            FailureMetrics.Fpr95Tpr(groups),
            aurc,
            aurc - FailureMetrics.AurcOptimal(n, hits),
            FailureMetrics.Augrc(groups),
            eefp,
            rank);
    }

    private static void Validate(EvaluationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Probabilities);
        ArgumentNullException.ThrowIfNull(input.Scores);
        ArgumentNullException.ThrowIfNull(input.Labels);
        ArgumentNullException.ThrowIfNull(input.ExitCosts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(input.Bins);
        var exits = input.Probabilities.Count;
        var n = input.Labels.Length;
        if (exits == 0 || n == 0)
        {
            throw new ArgumentException("At least one exit and one sample are required.", nameof(input));
        }

        if (input.Scores.Count != exits || input.ExitCosts.Length != exits)
        {
            throw new ArgumentException($"Expected {exits} exits of scores and costs, got {input.Scores.Count} and {input.ExitCosts.Length}.", nameof(input));
        }

        if (input.ScoresBeforeCalibration is { } before && before.Count != exits)
        {
            throw new ArgumentException($"Expected {exits} exits of scores before calibration, got {before.Count}.", nameof(input));
        }

        var classes = input.Probabilities[0].Columns;
        for (var k = 0; k < exits; k++)
        {
            var p = input.Probabilities[k];
            if (p.Rows != n || p.Columns != classes)
            {
                throw new ArgumentException($"Exit {k} probabilities are {p.Rows}×{p.Columns}; expected {n}×{classes}.", nameof(input));
            }

            if (input.ScoresBeforeCalibration is { } b)
            {
                if (b[k].Length != n)
                {
                    throw new ArgumentException($"Exit {k} has {b[k].Length} scores before calibration; expected {n}.", nameof(input));
                }

                if (Array.Exists(b[k], double.IsNaN))
                {
                    throw new ArgumentException($"Exit {k} has a NaN score before calibration.", nameof(input));
                }
            }
        }

        foreach (var label in input.Labels)
        {
            if ((uint)label >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(input), $"Label {label} is outside [0, {classes}).");
            }
        }

        // Checked here too so that a bad score fails before any work is done.
        ExitSweep.ValidateCosts(input.ExitCosts);
        ExitSweep.ValidateScores(input.Scores, n);
    }
}
