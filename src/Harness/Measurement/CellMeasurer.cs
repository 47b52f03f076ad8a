using System.Globalization;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Measurement;

/// <summary>
/// Measures one trained model with one fitted (calibrator, scorer) method: cumulative latency to each exit, and real
/// dynamic inference at chosen thresholds compared with the full network, per batch size.
/// </summary>
public static class CellMeasurer
{
    /// <summary>Runs every measurement of <paramref name="settings"/>.</summary>
    /// <param name="model">The trained network, on <paramref name="device"/>.</param>
    /// <param name="test">The test split; the first <see cref="MeasurementSettings.Samples"/> samples are timed.</param>
    /// <param name="method">The method's fitted calibrators and scorer, and the thresholds to time.</param>
    /// <param name="settings">Timing settings.</param>
    /// <param name="device">Device the model is on.</param>
    /// <param name="cancellationToken">Checked between repeats.</param>
    /// <returns>Plain records, serialisable with snake_case keys.</returns>
    public static CellMeasurement MeasureCell(
        MultiExitModule model,
        ImageSet test,
        MeasuredMethod method,
        MeasurementSettings settings,
        Device device,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(method);
        var (calibrators, scorer, thresholds) = method;
        ArgumentNullException.ThrowIfNull(calibrators);
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(device);
        settings.Validate();
        if (test.Count == 0)
        {
            throw new ArgumentException("The test split is empty.", nameof(test));
        }

        var never = new ExitRule(calibrators, scorer, double.PositiveInfinity);
        DynamicInference.Validate(model, never);
        var exitCosts = method.ExitCosts?.ToArray() ?? ExitCosts.Cumulative(model);
        var samples = Math.Min(settings.Samples, test.Count);
        var labels = test.Labels.AsSpan(0, samples).ToArray();

        model.eval();
        using var noGrad = no_grad();
        var latencies = new List<ExitLatency>();
        var full = new List<FullNetworkTiming>();
        var measured = new List<ThresholdMeasurement>();
        var overheads = new List<DecisionOverhead>();
        foreach (var batchSize in settings.BatchSizes)
        {
            var timing = new TimingBounds(settings, device, cancellationToken);
            var exitLatencies = MeasureExits(model, test, batchSize, exitCosts, timing);
            latencies.AddRange(exitLatencies);
            overheads.Add(MeasureDecisions(model, test, batchSize, never with { Threshold = thresholds.Count > 0 ? thresholds[0].Threshold : 0 }, exitLatencies, timing));

            using var scope = NewDisposeScope();
            var batches = MakeBatches(test, samples, batchSize, device);
            var (_, fullPass) = Pass(model, batches, never, samples);
            var reference = RepeatTimer.Measure(fullPass, settings, device, cancellationToken);
            full.Add(new FullNetworkTiming(batchSize, reference.MedianMs / samples, reference));
            var done = new Dictionary<double, ThresholdMeasurement>();
            foreach (var threshold in thresholds)
            {
                if (done.TryGetValue(threshold.Threshold, out var same))
                {
                    measured.Add(same with { Label = threshold.Label, SweepRelativeFlops = threshold.SweepRelativeFlops });
                    continue;
                }

                var (result, pass) = Pass(model, batches, never with { Threshold = threshold.Threshold }, samples);
                var (_, time, relativeTime, spread) = RepeatTimer.MeasurePaired(fullPass, pass, settings, device, cancellationToken);
                var relativeFlops = result.RelativeCost(exitCosts);
                double? ratio = 1 - relativeFlops > 1e-9 ? (1 - relativeTime) / (1 - relativeFlops) : null;
                var record = new ThresholdMeasurement(
                    threshold.Label,
                    threshold.Threshold,
                    batchSize,
                    threshold.SweepRelativeFlops,
                    relativeFlops,
                    result.Accuracy(labels),
                    result.ExitCounts(exitCosts.Length),
                    time.MedianMs / samples,
                    relativeTime,
                    spread,
                    ratio,
                    time);
                done[threshold.Threshold] = record;
                measured.Add(record);
            }
        }

        var protocol = string.Create(
            CultureInfo.InvariantCulture,
            $"Stopwatch wall-clock ({(device.type == DeviceType.CUDA ? "CUDA synchronised before each clock read" : "CPU")}); {settings.WarmupRepeats} warm-up runs, then timed repeats of at least {settings.MinRepeatMilliseconds} ms until IQR/median <= {settings.TargetRelativeIqr} (at least {settings.MinRepeats}, at most {settings.MaxRepeats} repeats or {settings.MaxSecondsPerMeasurement} s); medians reported. Inputs are made before timing. Exit latency runs blocks and heads 0..k; dynamic inference computes the calibrator and score online on the still-running samples; full_network is the same code with no early exit; relative_time is the median of per-repeat ratios with the full network's repeats interleaved. decision_overhead times, on one batch with every sample still running, each exit's calibrator, score and gather (logits to the host, threshold, argmax, keeping every other row) on their own, against the forward pass through every block and head.");
        return new CellMeasurement(device.ToString(), get_num_threads(), samples, protocol, settings, latencies, full, measured) { DecisionOverhead = overheads };
    }

    private static List<ExitLatency> MeasureExits(MultiExitModule model, ImageSet test, int batchSize, double[] exitCosts, TimingBounds timing)
    {
        var (settings, device, cancellationToken) = timing;
        using var scope = NewDisposeScope();
        var images = FullBatch(test, batchSize, device);
        var times = new TimingStats[exitCosts.Length];
        for (var k = 0; k < times.Length; k++)
        {
            var exit = k;
            times[k] = RepeatTimer.Measure(() => ForwardTo(model, images, exit), settings, device, cancellationToken);
        }

        return times.Select((t, k) => new ExitLatency(k + 1, batchSize, exitCosts[k] / exitCosts[^1], t.MedianMs / times[^1].MedianMs, t.MedianMs / batchSize, t)).ToList();
    }

    private static DecisionOverhead MeasureDecisions(MultiExitModule model, ImageSet test, int batchSize, ExitRule rule, IReadOnlyList<ExitLatency> latencies, TimingBounds timing)
    {
        using var scope = NewDisposeScope();
        return DecisionOverheadMeasurer.Measure(model, FullBatch(test, batchSize, timing.Device), rule, latencies, timing);
    }

    /// <summary>A batch of exactly <paramref name="batchSize"/> test images, repeating samples when the split is smaller.</summary>
    private static Tensor FullBatch(ImageSet test, int batchSize, Device device) =>
        Batches.Make(test, Enumerable.Range(0, batchSize).Select(i => i % test.Count).ToArray(), device).Images;

    private static void ForwardTo(MultiExitModule model, Tensor images, int exit)
    {
        using var scope = NewDisposeScope();
        var features = images;
        for (var k = 0; k <= exit; k++)
        {
            features = model.ForwardBlock(k, features);
            model.ForwardHead(k, features);
        }
    }

    private static List<Tensor> MakeBatches(ImageSet test, int samples, int batchSize, Device device)
    {
        var indices = Enumerable.Range(0, samples).ToArray();
        var batches = new List<Tensor>();
        for (var start = 0; start < samples; start += batchSize)
        {
            batches.Add(Batches.Make(test, indices.AsSpan(start, Math.Min(batchSize, samples - start)), device).Images);
        }

        return batches;
    }

    /// <summary>One pass of dynamic inference over the prepared batches; every pass makes the same decisions into the result.</summary>
    private static (DynamicResult Result, Action Pass) Pass(MultiExitModule model, List<Tensor> batches, ExitRule rule, int samples)
    {
        var result = new DynamicResult(new int[samples], new int[samples], new double[samples]);
        return (result, () =>
        {
            var start = 0;
            foreach (var batch in batches)
            {
                var count = (int)batch.shape[0];
                DynamicInference.RunBatch(model, batch, rule, result.Exits.AsSpan(start, count), result.Predictions.AsSpan(start, count), result.Scores.AsSpan(start, count));
                start += count;
            }
        });
    }
}
