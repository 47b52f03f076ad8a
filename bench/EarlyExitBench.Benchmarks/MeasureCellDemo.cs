using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EarlyExitBench.Architectures.BranchyLeNet;
using EarlyExitBench.Calibrators.Standard;
using EarlyExitBench.Contracts;
using EarlyExitBench.FailurePredictors.Standard;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Measurement;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Harness.Training;
using Serilog;
using static TorchSharp.torch;

namespace EarlyExitBench.Benchmarks;

/// <summary>
/// <c>measure-cell [--data DIR] [--threads N] [--epochs N]</c>: the whole measured path on Fashion-MNIST, as the suite
/// runner would call it: train branchy-lenet, record logits, fit temperature + msp on validation, sweep the test scores,
/// choose thresholds, then <see cref="CellMeasurer.MeasureCell"/>. Prints the <see cref="CellMeasurement"/> JSON.
/// </summary>
internal static class MeasureCellDemo
{
    public static int Run(string[] args)
    {
        var data = Option(args, "--data", "/usr/share/datasets/fashion-mnist");
        set_num_threads(int.Parse(Option(args, "--threads", "2"), CultureInfo.InvariantCulture));
        var epochs = int.Parse(Option(args, "--epochs", "1"), CultureInfo.InvariantCulture);
        var logger = new LoggerConfiguration().WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose).CreateLogger();

        var input = new InputSpec(1, 28, 28, 10);
        var splits = new DatasetSplits(
            "fashion-mnist",
            Read(data, "train", input),
            Read(data, "t10k", input),
            "n/a");
        var split = DataSplit.Create(splits, 5000, null, null, seed: 0);
        manual_seed(0);
        using var model = new BranchyLeNetModule(input, [16, 32, 64], 4);
        var watch = Stopwatch.StartNew();
        Trainer.Train(new TrainingJob(model, split.Train, new TrainingSpec(epochs, 128, "adam", 0.002, 0, 0, null), 0, CPU, logger, null, null), CancellationToken.None);
        logger.Information("trained in {Seconds:F1} s", watch.Elapsed.TotalSeconds);

        var validationLogits = LogitsRecorder.Record(model, split.Validation, CPU);
        var testLogits = LogitsRecorder.Record(model, split.Test, CPU);
        var calibrators = validationLogits.Select(l => new TemperatureCalibrator().Fit(l, split.Validation.Labels, CancellationToken.None)).ToList();
        var validation = new MultiExitOutputs(validationLogits, validationLogits.Select((l, k) => calibrators[k].Apply(l)).ToList());
        var scorer = new MaxSoftmaxScore().Fit(validation, split.Validation.Labels, CancellationToken.None);
        var test = new MultiExitOutputs(testLogits, testLogits.Select((l, k) => calibrators[k].Apply(l)).ToList());
        var scores = Enumerable.Range(0, test.Exits).Select(k => scorer.Score(test, k)).ToList();
        var correct = test.Probabilities.Select(p => Enumerable.Range(0, p.Rows).Select(i => Probabilities.ArgMax(p.Row(i)) == split.Test.Labels[i]).ToArray()).ToList();
        var sweep = ExitSweep.Sweep(scores, correct, EarlyExitBench.Harness.Bundles.ExitCosts.Cumulative(model));
        var thresholds = ThresholdChoice.FromSweep(sweep);
        logger.Information("per-exit test accuracy {Accuracy}", string.Join(", ", correct.Select(c => (c.Count(x => x) / (double)c.Length).ToString("P2", CultureInfo.InvariantCulture))));

        var measurement = CellMeasurer.MeasureCell(model, split.Test, new MeasuredMethod(calibrators, scorer, thresholds), MeasurementSettings.Default, CPU);
        Console.WriteLine(JsonSerializer.Serialize(measurement, EarlyExitBench.Harness.Storage.Json.Options));
        return 0;
    }

    private static ImageSet Read(string directory, string prefix, InputSpec input)
    {
        var (pixels, _, _, _) = IdxReader.ReadImages(IdxReader.Locate(directory, $"{prefix}-images-idx3-ubyte"));
        return new ImageSet(pixels, IdxReader.ReadLabels(IdxReader.Locate(directory, $"{prefix}-labels-idx1-ubyte"), 10), input);
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
