using System.Text.Json;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Measurement;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Measurement;

/// <summary>Only the shape and consistency of the records: timings on a shared machine are not asserted.</summary>
public class CellMeasurerTests(TrainedLeNet fixture) : IClassFixture<TrainedLeNet>
{
    private static readonly MeasurementSettings Quick = new()
    {
        WarmupRepeats = 1,
        MinRepeats = 2,
        MaxRepeats = 3,
        MaxSecondsPerMeasurement = 0.2,
        MinRepeatMilliseconds = 0,
        BatchSizes = [1, 5],
        Samples = 24,
    };

    [Fact]
    public void RecordsAreCompleteAndConsistent()
    {
        var (method, thresholds) = TemperatureMsp();
        var costs = EarlyExitBench.Harness.Bundles.ExitCosts.Cumulative(fixture.Model);

        var measurement = CellMeasurer.MeasureCell(fixture.Model, fixture.Test, new MeasuredMethod(method.Calibrators, method.Scorer, thresholds), Quick, CPU);

        Assert.Equal(24, measurement.Samples);
        Assert.Equal(get_num_threads(), measurement.Threads);
        Assert.Equal(["1:1", "1:2", "1:3", "5:1", "5:2", "5:3"], measurement.ExitLatency.Select(e => $"{e.BatchSize}:{e.Exit}"));
        Assert.All(measurement.ExitLatency, e =>
        {
            WellFormed(e.Time);
            Assert.Equal(costs[e.Exit - 1] / costs[^1], e.RelativeFlops, 12);
            Assert.Equal(e.Time.MedianMs / e.BatchSize, e.MsPerSample, 12);
        });
        Assert.All(measurement.ExitLatency.Where(e => e.Exit == 3), e => Assert.Equal(1.0, e.RelativeTime));
        Assert.Equal([1, 5], measurement.FullNetwork.Select(f => f.BatchSize));
        Assert.All(measurement.FullNetwork, f => WellFormed(f.Time));

        Assert.Equal(thresholds.Count * 2, measurement.Thresholds.Count);
        foreach (var t in measurement.Thresholds)
        {
            WellFormed(t.Time);
            var chosen = thresholds.Single(c => c.Label == t.Label);
            Assert.Equal((chosen.Threshold, chosen.SweepRelativeFlops), (t.Threshold, t.SweepRelativeFlops));
            Assert.Equal(24, t.ExitCounts.Sum());

            // The decisions behind the record are those of a plain dynamic run on the same samples.
            var subset = fixture.Test with { Pixels = fixture.Test.Pixels[..(24 * 784)], Labels = fixture.Test.Labels[..24] };
            var run = DynamicInference.Run(fixture.Model, subset, new ExitRule(method.Calibrators, method.Scorer, t.Threshold), t.BatchSize, CPU);
            Assert.Equal(run.ExitCounts(3), t.ExitCounts);
            Assert.Equal(run.RelativeCost(costs), t.RelativeFlops, 12);
            Assert.Equal(run.Accuracy(subset.Labels), t.Accuracy, 12);

            Assert.True(t.RelativeTime > 0 && double.IsFinite(t.RelativeTime));
            Assert.True(t.RelativeTimeRelativeIqr >= 0);
            if (t.RelativeFlops < 1)
            {
                Assert.Equal((1 - t.RelativeTime) / (1 - t.RelativeFlops), t.TimeSavedPerFlopSaved!.Value, 12);
            }
            else
            {
                Assert.Null(t.TimeSavedPerFlopSaved);
            }
        }
    }

    [Fact]
    public void SerialisesWithSnakeCaseKeys()
    {
        var (method, thresholds) = TemperatureMsp();

        var measurement = CellMeasurer.MeasureCell(fixture.Model, fixture.Test, new MeasuredMethod(method.Calibrators, method.Scorer, thresholds), Quick with { BatchSizes = [2] }, CPU);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(measurement, EarlyExitBench.Harness.Storage.Json.Options));

        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Array, root.GetProperty("exit_latency").ValueKind);
        Assert.True(root.GetProperty("exit_latency")[0].GetProperty("time").GetProperty("median_ms").GetDouble() > 0);
        var threshold = root.GetProperty("thresholds")[0];
        foreach (var key in new[] { "label", "threshold", "batch_size", "sweep_relative_flops", "relative_flops", "relative_time", "time_saved_per_flop_saved", "ms_per_sample", "exit_counts" })
        {
            Assert.True(threshold.TryGetProperty(key, out _), key);
        }

        Assert.True(root.GetProperty("full_network")[0].GetProperty("time").TryGetProperty("relative_iqr", out _));
        Assert.Contains("warm-up", root.GetProperty("protocol").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BatchesLargerThanTheTestSplitRepeatSamples()
    {
        var (method, thresholds) = TemperatureMsp();
        var tiny = fixture.Test with { Pixels = fixture.Test.Pixels[..(3 * 784)], Labels = fixture.Test.Labels[..3] };

        var measurement = CellMeasurer.MeasureCell(fixture.Model, tiny, new MeasuredMethod(method.Calibrators, method.Scorer, thresholds.Take(1).ToList()), Quick with { BatchSizes = [8] }, CPU);

        Assert.Equal(3, measurement.Samples);
        Assert.All(measurement.ExitLatency, e => Assert.Equal(8, e.BatchSize));
    }

    private (FittedMethod Method, IReadOnlyList<ChosenThreshold> Thresholds) TemperatureMsp()
    {
        var method = FittedMethod.Fit("temperature", "msp", fixture.ValidationLogits, fixture.Validation.Labels);
        var (outputs, scores) = method.Score(fixture.TestLogits);
        var correct = outputs.Probabilities.Select(p => Enumerable.Range(0, p.Rows).Select(i => Argmax(p.Row(i)) == fixture.Test.Labels[i]).ToArray()).ToList();
        var sweep = ExitSweep.Sweep(scores, correct, EarlyExitBench.Harness.Bundles.ExitCosts.Cumulative(fixture.Model));
        return (method, ThresholdChoice.FromSweep(sweep));
    }

    private static void WellFormed(TimingStats time)
    {
        Assert.True(double.IsFinite(time.MedianMs) && time.MedianMs > 0, $"median {time.MedianMs}");
        Assert.True(time.Q1Ms <= time.MedianMs && time.MedianMs <= time.Q3Ms);
        Assert.InRange(time.Repeats, Quick.MinRepeats, Quick.MaxRepeats);
        Assert.True(time.OperationsPerRepeat >= 1);
        Assert.True(time.RelativeIqr >= 0);
    }

    private static int Argmax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var c = 1; c < row.Length; c++)
        {
            if (row[c] > row[best])
            {
                best = c;
            }
        }

        return best;
    }
}
