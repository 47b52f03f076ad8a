using EarlyExitBench.Harness.Evaluation.Metrics;

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

            perExit[j - 1] = EvaluateExit(j - 1, input, outputs, orders);
        });

        return new MethodEvaluation(perExit, Efficiency.Compute(points, correct, input.ExitCosts)) { Sweep = points };
    }

    /// <summary>Every metric at one exit, each from a fresh instance, all sharing one context's sorts and sums.</summary>
    private static ExitMetrics EvaluateExit(int exit, EvaluationInput input, ExitOutputs[] outputs, ScoreOrder[] orders)
    {
        var context = new ExitContext(exit, input, outputs, orders);
        var metrics = input.Metrics ?? BuiltInMetrics.All;
        var values = new MetricValue[metrics.Count];
        for (var m = 0; m < values.Length; m++)
        {
            values[m] = new MetricValue(metrics[m].Name, metrics[m].Create().Compute(context));
        }

        return new ExitMetrics(exit, values);
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
