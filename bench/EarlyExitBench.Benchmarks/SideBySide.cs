using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EarlyExitBench.Architectures.BranchyLeNet;
using EarlyExitBench.Architectures.ResNetSdn;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Measurement;
using EarlyExitBench.Harness.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Benchmarks;

/// <summary>
/// The TorchSharp half of <c>bench/side-by-side.sh</c>; <c>bench/pytorch/side_by_side.py</c> is the PyTorch half and
/// does the same work in the same order. Prints one JSON line of medians (milliseconds unless named otherwise).
/// Usage: <c>side-by-side [--data DIR] [--threads N] [--steps N] [--cap-seconds S] [--arch branchy-lenet|resnet-sdn]</c>.
/// </summary>
internal static class SideBySide
{
    private const int TrainBatch = 128;

    public static int Run(string[] args)
    {
        var data = Option(args, "--data", "/usr/share/datasets/fashion-mnist");
        var threads = int.Parse(Option(args, "--threads", "2"), CultureInfo.InvariantCulture);
        var steps = int.Parse(Option(args, "--steps", "100"), CultureInfo.InvariantCulture);
        var cap = double.Parse(Option(args, "--cap-seconds", "3"), CultureInfo.InvariantCulture);
        var arch = Option(args, "--arch", "branchy-lenet");
        set_num_threads(threads);
        var settings = new MeasurementSettings { MaxSecondsPerMeasurement = cap, MinRepeatMilliseconds = 20 };

        var (pixels, count, rows, columns) = IdxReader.ReadImages(IdxReader.Locate(data, "train-images-idx3-ubyte"));
        var labels = IdxReader.ReadLabels(IdxReader.Locate(data, "train-labels-idx1-ubyte"), 10);
        var train = new ImageSet(pixels, labels, new InputSpec(1, rows, columns, 10));
        var results = new Dictionary<string, double>
        {
            ["threads"] = get_num_threads(),
            ["steps"] = steps,
        };

        // Per-call overhead: one tiny op whose kernel time is negligible.
        using (var a = ones(1))
        using (var b = ones(1))
        {
            results["op_overhead_us"] = 1000 * RepeatTimer.Measure(() => a.add(b).Dispose(), settings, CPU).MedianMs;
        }

        // Kernel speed alone: the second block's convolution on a batch of 64.
        using (var x = randn(64, 16, 14, 14))
        using (var w = randn(32, 16, 3, 3))
        using (var bias = randn(32))
        using (var noGrad = no_grad())
        {
            results["conv_b64_ms"] = RepeatTimer.Measure(() => nn.functional.conv2d(x, w, bias, padding: [1, 1]).Dispose(), settings, CPU).MedianMs;
        }

        // Tensor creation from managed bytes: normalise 128 images and copy them into a tensor.
        var indices = Enumerable.Range(0, count).ToArray();
        var start = 0;
        results["make_batch_ms"] = RepeatTimer.Measure(
            () =>
            {
                using var scope = NewDisposeScope();
                Batches.Make(train, indices.AsSpan(start, TrainBatch), CPU);
                start = (start + TrainBatch) % (count - TrainBatch);
            },
            settings,
            CPU).MedianMs;

        manual_seed(0);
        using MultiExitModule model = arch switch
        {
            "branchy-lenet" => new BranchyLeNetModule(train.Input, [16, 32, 64], 4),
            "resnet-sdn" => new ResNetSdnArchitecture(new ResNetSdnOptions()).Build(train.Input), // widths [16, 32, 64], 1 block per stage, grid 2
            _ => throw new ArgumentException($"--arch {arch}: expected branchy-lenet or resnet-sdn"),
        };
        using var optimizer = optim.Adam(model.parameters(), 0.002);
        var loss = nn.CrossEntropyLoss();
        model.train();

        // N steps end to end, as the trainer runs them: batches made from bytes, in order, no shuffling.
        var watch = Stopwatch.StartNew();
        var lastLoss = 0f;
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var (images, y) = Batches.Make(train, indices.AsSpan(step * TrainBatch % (count - TrainBatch), TrainBatch), CPU);
            lastLoss = TrainStep(model, optimizer, loss, images, y);
            if (step == 0)
            {
                // Includes one-time costs: JIT of the managed code paths, first-use kernel and allocator set-up.
                results["train_first_step_ms"] = watch.Elapsed.TotalMilliseconds;
            }
        }

        results["train_total_s"] = watch.Elapsed.TotalSeconds;
        results["train_last_loss"] = lastLoss;

        // One step on a ready batch: the framework alone.
        using (var scope = NewDisposeScope())
        {
            var (images, y) = Batches.Make(train, indices.AsSpan(0, TrainBatch), CPU);
            results["train_step_ms"] = RepeatTimer.Measure(() => TrainStep(model, optimizer, loss, images, y), settings, CPU).MedianMs;
        }

        model.eval();
        foreach (var batch in new[] { 1, 64 })
        {
            using var scope = NewDisposeScope();
            var (images, _) = Batches.Make(train, indices.AsSpan(0, batch), CPU);
            results[$"infer_b{batch}_ms"] = RepeatTimer.Measure(
                () =>
                {
                    using var noGrad = no_grad();
                    using var inner = NewDisposeScope();
                    model.forward(images);
                },
                settings,
                CPU).MedianMs;
        }

        var document = new Dictionary<string, object> { ["framework"] = "torchsharp", ["version"] = typeof(torch).Assembly.GetName().Version?.ToString() ?? "?", ["arch"] = arch };
        foreach (var (key, value) in results)
        {
            document[key] = Math.Round(value, 6);
        }

        Console.WriteLine(JsonSerializer.Serialize(document));
        return 0;
    }

    private static float TrainStep(MultiExitModule model, optim.Optimizer optimizer, Loss<Tensor, Tensor, Tensor> loss, Tensor images, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var logits = model.forward(images);
        var total = loss.forward(logits[0], labels);
        for (var k = 1; k < logits.Length; k++)
        {
            total = total + loss.forward(logits[k], labels);
        }

        optimizer.zero_grad();
        total.backward();
        optimizer.step();
        return total.item<float>();
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
