namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// Evaluates one method: per-exit calibration and failure-prediction metrics, then the threshold sweep and its efficiency.
/// Each exit's outputs are read once. Work is spread over exits (and the sweep) in parallel, each item computed on its own
/// by one thread, so the results are bit-identical whatever the degree of parallelism.
/// </summary>
public static class MethodEvaluator
{
    /// <summary>Computes every metric of <paramref name="input"/>.</summary>
    /// <param name="input">Probabilities (or calibrated logits), scores, labels and costs of one method on the test split.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; −1 for all cores. The results do not depend on it.</param>
    /// <returns>Per-exit metrics and efficiency.</returns>
    public static MethodEvaluation Evaluate(EvaluationInput input, int maxDegreeOfParallelism = -1)
    {
        Validate(input);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var exits = input.Scores.Count;
        var n = input.Labels.Length;
        var outputs = new ExitOutputs[exits];
        var orders = new ScoreOrder[exits];
        (double[] Taus, int[] Codes) events = ([], []);

        // First the matrices and the sorts, which need nothing else; item 0 sorts the sweep's events.
        Parallel.For(0, exits + 1, parallel, j =>
        {
            if (j == 0)
            {
                events = ExitSweep.SortEvents(input.Scores, n);
                return;
            }

            var k = j - 1;
            outputs[k] = input.Outputs?[k]
                ?? (input.CalibratedLogits is { } logits
                    ? ExitOutputs.FromLogits(logits[k], input.Labels, input.Bins)
                    : ExitOutputs.Compute(input.Probabilities[k], input.Labels, input.Bins));
            orders[k] = ScoreOrder.Create(input.Scores[k]);
        });

        var correct = outputs.Select(o => o.Correct).ToArray();
        var perExit = new ExitMetrics[exits];
        OperatingPoint[] points = [];
        Parallel.For(0, exits + 1, parallel, j =>
        {
            if (j == 0)
            {
                points = ExitSweep.Walk(events.Taus, events.Codes, correct, input.ExitCosts, n);
                return;
            }

            perExit[j - 1] = EvaluateExit(j - 1, input, outputs[j - 1], orders[j - 1], correct[^1]);
        });

        return new MethodEvaluation(perExit, Efficiency.Compute(points, correct, input.ExitCosts)) { Sweep = points };
    }

    private static ExitMetrics EvaluateExit(int exit, EvaluationInput input, ExitOutputs outputs, ScoreOrder order, bool[] correctAtLast)
    {
        var n = input.Labels.Length;
        var isLast = exit == input.Scores.Count - 1;
        var hits = outputs.Correct.Count(c => c);
        var scores = input.Scores[exit];

        // With msp the score is the confidence itself: one sort serves both.
        var confidence = outputs.Confidence.AsSpan().SequenceEqual(scores)
            ? SortedConfidence.From(order, outputs.Correct)
            : SortedConfidence.Create(outputs.Confidence, outputs.Correct);
        var (ece, mce) = confidence.EqualWidth(input.Bins);
        var adaptiveEce = confidence.AdaptiveEce(input.Bins);

        var groups = ScoreGroups.Create(order, outputs.Correct);
        var aurc = FailureMetrics.Aurc(groups);
        var eefp = isLast ? null : FailureMetrics.Auroc(ScoreGroups.Create(order, FailureMetrics.SafeToStop(outputs.Correct, correctAtLast)));
        double? rank = input.ScoresBeforeCalibration is not { } before ? null
            : before[exit].AsSpan().SequenceEqual(scores) ? RankCorrelation.KendallTauBOfItself(order)
            : RankCorrelation.KendallTauB(before[exit], order);

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
        var matrices = input.CalibratedLogits ?? input.Probabilities;
        var exits = matrices.Count;
        var n = input.Labels.Length;
        if (exits == 0 || n == 0)
        {
            throw new ArgumentException("At least one exit and one sample are required.", nameof(input));
        }

        if (input.Scores.Count != exits || input.ExitCosts.Length != exits)
        {
            throw new ArgumentException($"Expected {exits} exits of scores and costs, got {input.Scores.Count} and {input.ExitCosts.Length}.", nameof(input));
        }

        if (input.Outputs is { } given && (given.Count != exits || given.Any(o => o.Correct.Length != n)))
        {
            throw new ArgumentException($"Expected {exits} exits of outputs for {n} samples.", nameof(input));
        }

        if (input.ScoresBeforeCalibration is { } before && before.Count != exits)
        {
            throw new ArgumentException($"Expected {exits} exits of scores before calibration, got {before.Count}.", nameof(input));
        }

        var classes = matrices[0].Columns;
        for (var k = 0; k < exits; k++)
        {
            var p = matrices[k];
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
