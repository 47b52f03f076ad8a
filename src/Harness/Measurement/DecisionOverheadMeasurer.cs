using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Measurement;

/// <summary>
/// Times the parts of <see cref="DynamicInference.RunBatch"/> that are not the network: per exit, the calibrator, the
/// score, and the gather (logits to the host, threshold, argmax, keeping the rows that go on), each on its own, on one
/// batch in which every sample is still running.
/// </summary>
internal static class DecisionOverheadMeasurer
{
    /// <summary>Measures one batch size.</summary>
    /// <param name="model">The trained network in eval mode, gradients off, on <paramref name="device"/>.</param>
    /// <param name="images">One batch of images on the device.</param>
    /// <param name="rule">The measured method's calibrators and scorer.</param>
    /// <param name="latencies">This batch size's cumulative latency per exit, exit 1 first (the forward part).</param>
    /// <param name="timing">Timing settings, the model's device, and the token checked between repeats.</param>
    public static DecisionOverhead Measure(MultiExitModule model, Tensor images, ExitRule rule, IReadOnlyList<ExitLatency> latencies, TimingBounds timing)
    {
        var (settings, device, cancellationToken) = timing;
        using var scope = NewDisposeScope();
        var rows = (int)images.shape[0];
        var exits = model.Stages.Count;
        var features = new List<Tensor>(exits);
        var heads = new List<Tensor>(exits);
        var current = images;
        for (var k = 0; k < exits; k++)
        {
            current = model.ForwardBlock(k, current);
            features.Add(current);
            heads.Add(model.ForwardHead(k, current));
        }

        var logits = heads.Select(DynamicInference.ToMatrix).ToList();
        var logitCalibration = rule.Calibrators.All(c => c is ILogitCalibration);
        var probabilities = logits.Select((l, k) => rule.Calibrators[k].Apply(l)).ToList();
        var calibrated = logitCalibration ? logits.Select((l, k) => ((ILogitCalibration)rule.Calibrators[k]).CalibrateLogits(l)).ToList() : null;

        // The rows that go on after the gather: every other one, so both the stopping and the continuing paths are paid
        // (at batch 1 that leaves none: the sample stops, and nothing is gathered).
        var keep = Enumerable.Range(0, rows).Where(r => r % 2 == 1).ToList();
        using var rowsToKeep = tensor(keep.Select(r => (long)r).ToArray(), device: device);
        var perExit = new List<DecisionTiming>(exits);
        for (var k = 0; k < exits; k++)
        {
            var exit = k;
            var outputs = new MultiExitOutputs(logits.Take(exit + 1).ToList(), probabilities.Take(exit + 1).ToList()) { CalibratedLogits = calibrated?.Take(exit + 1).ToList() };
            var scores = rule.Scorer.Score(outputs, exit);
            var calibrate = RepeatTimer.Measure(
                () =>
                {
                    rule.Calibrators[exit].Apply(logits[exit]);
                    if (logitCalibration)
                    {
                        ((ILogitCalibration)rule.Calibrators[exit]).CalibrateLogits(logits[exit]);
                    }
                },
                settings,
                device,
                cancellationToken);
            var score = RepeatTimer.Measure(() => rule.Scorer.Score(outputs, exit), settings, device, cancellationToken);
            var gather = RepeatTimer.Measure(() => Gather(heads[exit], features[exit], (rowsToKeep, keep), (scores, rule.Threshold), outputs, exit), settings, device, cancellationToken);
            var forward = latencies[exit].Time.MedianMs - (exit == 0 ? 0 : latencies[exit - 1].Time.MedianMs);
            perExit.Add(new DecisionTiming(exit + 1, rows, Math.Max(0, forward), calibrate.MedianMs, score.MedianMs, gather.MedianMs));
        }

        var full = latencies[^1].Time.MedianMs;
        var decision = perExit.Sum(e => e.DecisionMs);
        return new DecisionOverhead(rows, full, decision, full > 0 ? decision / full : double.NaN, perExit);
    }

    private static void Gather(Tensor head, Tensor features, (Tensor Rows, List<int> Indices) kept, (double[] Scores, double Threshold) decision, MultiExitOutputs outputs, int exit)
    {
        var (rowsToKeep, keep) = kept;
        var (scores, threshold) = decision;
        using var scope = NewDisposeScope();
        var logits = DynamicInference.ToMatrix(head);
        var decided = outputs.CalibratedLogits?[exit] ?? outputs.Probabilities[exit];
        var stopped = 0;
        for (var r = 0; r < logits.Rows; r++)
        {
            stopped += scores[r] >= threshold ? 1 : 0;
            Probabilities.ArgMax(decided.Row(r));
        }

        // As in DynamicInference: rows are gathered only when some stop and some go on (never at batch 1).
        if (keep.Count == 0 || keep.Count == logits.Rows)
        {
            return;
        }

        features.index_select(0, rowsToKeep);
        for (var j = 0; j <= exit; j++)
        {
            DynamicInference.SelectRows(outputs.Logits[j], keep);
            DynamicInference.SelectRows(outputs.Probabilities[j], keep);
            if (outputs.CalibratedLogits is { } c)
            {
                DynamicInference.SelectRows(c[j], keep);
            }
        }

    }
}
