using System.Runtime.InteropServices;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Measurement;

/// <summary>
/// Early-exit inference that really stops: each batch runs block by block, and after every exit the samples whose
/// online score passes the threshold leave the batch (<c>index_select</c> on the remaining rows), so later blocks run
/// only on the rest. With a batch of one, each sample runs exactly up to its own exit.
/// </summary>
/// <remarks>
/// Calibrators and scorers are applied to the running samples only, so they must treat rows independently, as the
/// standard plugins do (a calibrator or score that depended on which other samples share the batch would make the
/// sweep's prediction meaningless anyway).
/// </remarks>
public static class DynamicInference
{
    /// <summary>Runs <paramref name="set"/> through <paramref name="model"/> in batches of <paramref name="batchSize"/>.</summary>
    /// <param name="model">The trained network; switched to eval mode.</param>
    /// <param name="set">Images to classify.</param>
    /// <param name="rule">Calibrators, scorer and threshold.</param>
    /// <param name="batchSize">Samples per batch; 1 is per-sample inference.</param>
    /// <param name="device">Device the model is on.</param>
    /// <returns>Exit, prediction and score per sample, in input order.</returns>
    public static DynamicResult Run(MultiExitModule model, ImageSet set, ExitRule rule, int batchSize, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        Validate(model, rule);
        var result = new DynamicResult(new int[set.Count], new int[set.Count], new double[set.Count]);
        var indices = Enumerable.Range(0, set.Count).ToArray();
        model.eval();
        using var noGrad = no_grad();
        for (var start = 0; start < set.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var count = Math.Min(batchSize, set.Count - start);
            var (images, _) = Batches.Make(set, indices.AsSpan(start, count), device);
            RunBatch(model, images, rule, result.Exits.AsSpan(start, count), result.Predictions.AsSpan(start, count), result.Scores.AsSpan(start, count));
        }

        return result;
    }

    /// <summary>
    /// Runs one batch and writes each row's decision. The caller switches the model to eval mode and disables
    /// gradients; every tensor made here is disposed before returning.
    /// </summary>
    /// <param name="model">The network.</param>
    /// <param name="images">The batch, [b, C, H, W], on the model's device.</param>
    /// <param name="rule">Calibrators, scorer and threshold.</param>
    /// <param name="exits">Receives the zero-based exit of each row.</param>
    /// <param name="predictions">Receives the predicted class of each row.</param>
    /// <param name="scores">Receives the score of each row at its exit.</param>
    public static void RunBatch(MultiExitModule model, Tensor images, ExitRule rule, Span<int> exits, Span<int> predictions, Span<double> scores)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        Validate(model, rule);
        var rows = (int)images.shape[0];
        if (exits.Length != rows || predictions.Length != rows || scores.Length != rows)
        {
            throw new ArgumentException($"Expected outputs for {rows} rows.", nameof(exits));
        }

        using var scope = NewDisposeScope();
        var last = model.Stages.Count - 1;
        var running = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            running[r] = r;
        }

        // Exits 0..k of the running rows, so scores that read earlier exits (patience, learned) see them.
        var logits = new List<ClassMatrix>(last + 1);
        var probabilities = new List<ClassMatrix>(last + 1);

        // As in the evaluation: logit calibrators also give calibrated logits, which scores and predictions read.
        var calibrated = rule.Calibrators.All(c => c is ILogitCalibration) ? new List<ClassMatrix>(last + 1) : null;
        var features = images;
        var keep = new List<int>(rows);
        for (var k = 0; k <= last && running.Length > 0; k++)
        {
            features = model.ForwardBlock(k, features);
            logits.Add(ToMatrix(model.ForwardHead(k, features)));
            probabilities.Add(rule.Calibrators[k].Apply(logits[k]));
            calibrated?.Add(((ILogitCalibration)rule.Calibrators[k]).CalibrateLogits(logits[k]));
            var online = rule.Scorer.Score(new MultiExitOutputs(logits, probabilities) { CalibratedLogits = calibrated }, k);
            var decided = calibrated?[k] ?? probabilities[k];
            if (online.Length != running.Length)
            {
                throw new InvalidOperationException($"The scorer returned {online.Length} scores for {running.Length} samples at exit {k + 1}.");
            }

            keep.Clear();
            for (var r = 0; r < running.Length; r++)
            {
                if (k == last || online[r] >= rule.Threshold)
                {
                    exits[running[r]] = k;
                    predictions[running[r]] = Probabilities.ArgMax(decided.Row(r));
                    scores[running[r]] = online[r];
                }
                else
                {
                    keep.Add(r);
                }
            }

            if (keep.Count == running.Length || k == last)
            {
                continue;
            }

            running = keep.Select(r => running[r]).ToArray();
            if (running.Length == 0)
            {
                break;
            }

            using var rowsToKeep = tensor(keep.Select(r => (long)r).ToArray(), device: features.device);
            features = features.index_select(0, rowsToKeep);
            for (var j = 0; j <= k; j++)
            {
                logits[j] = SelectRows(logits[j], keep);
                probabilities[j] = SelectRows(probabilities[j], keep);
                if (calibrated is not null)
                {
                    calibrated[j] = SelectRows(calibrated[j], keep);
                }
            }
        }
    }

    /// <summary>Throws unless <paramref name="rule"/> has one calibrator per exit of <paramref name="model"/>.</summary>
    internal static void Validate(MultiExitModule model, ExitRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(rule.Calibrators);
        ArgumentNullException.ThrowIfNull(rule.Scorer);
        if (double.IsNaN(rule.Threshold))
        {
            throw new ArgumentException("The threshold must not be NaN.", nameof(rule));
        }

        if (rule.Calibrators.Count != model.Stages.Count)
        {
            throw new ArgumentException($"Expected one fitted calibrator per exit ({model.Stages.Count}), got {rule.Calibrators.Count}.", nameof(rule));
        }
    }

    /// <summary>
    /// Copies a [rows, classes] float32 head output to the host. This runs once per exit per batch on the inference
    /// path, so a CPU tensor that is already contiguous (every shipped head's output) is copied straight from its
    /// native memory: going through <c>contiguous()</c> and a <c>TensorAccessor</c> made a new tensor handle and an
    /// accessor per call, several microseconds, which at batch 1 was most of the exit decision's time.
    /// </summary>
    internal static ClassMatrix ToMatrix(Tensor logits)
    {
        var rows = (int)logits.size(0);
        var columns = (int)logits.size(1);
        var values = new float[rows * columns];
        if (logits.device_type == DeviceType.CPU && logits.dtype == ScalarType.Float32 && logits.is_contiguous())
        {
            MemoryMarshal.Cast<byte, float>(logits.bytes).CopyTo(values);
        }
        else
        {
            using var host = logits.to(ScalarType.Float32, CPU).contiguous();
            MemoryMarshal.Cast<byte, float>(host.bytes).CopyTo(values);
        }

        return new ClassMatrix(values, rows, columns);
    }

    internal static ClassMatrix SelectRows(ClassMatrix matrix, List<int> rows)
    {
        var columns = matrix.Columns;
        var values = new float[rows.Count * columns];
        for (var i = 0; i < rows.Count; i++)
        {
            matrix.Row(rows[i]).CopyTo(values.AsSpan(i * columns, columns));
        }

        return new ClassMatrix(values, rows.Count, columns);
    }
}
