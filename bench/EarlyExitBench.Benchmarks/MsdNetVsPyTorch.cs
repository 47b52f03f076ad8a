using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EarlyExitBench.Architectures.MsdNet;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Benchmarks;

/// <summary>
/// The TorchSharp half of <c>bench/msdnet-vs-pytorch.sh</c>; <c>bench/pytorch/msdnet_vs_reference.py</c> runs the reference
/// code on the same checkpoint and does the same work with the same timing loop (3 warm-ups, then repeats until 5 and
/// CAP seconds, median). Prints one JSON line: forward ms at each batch size (eval, no grad), and one training step
/// (SGD lr 0.1, momentum 0.9, weight decay 1e-4, the sum over exits of the cross-entropy, as the reference's main.py).
/// Usage: <c>msdnet-vs-pytorch --options JSON --side N --classes N --weights FILE [--threads 2] [--batches 1,64,256]
/// [--train-batch 64] [--cap-seconds 3]</c>.
/// </summary>
internal static class MsdNetVsPyTorch
{
    public static int Run(string[] args)
    {
        var options = JsonSerializer.Deserialize<MsdNetOptions>(Option(args, "--options", "{}"), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;
        var side = Int(args, "--side", "32");
        var classes = Int(args, "--classes", "100");
        var threads = Int(args, "--threads", "2");
        var trainBatch = Int(args, "--train-batch", "64");
        var cap = double.Parse(Option(args, "--cap-seconds", "3"), CultureInfo.InvariantCulture);
        var batches = Option(args, "--batches", "1,64,256").Split(',').Select(b => int.Parse(b, CultureInfo.InvariantCulture)).ToArray();
        set_num_threads(threads);
        manual_seed(0);
        using var model = new MsdNetArchitecture(options).Build(new InputSpec(3, side, side, classes));
        PyTorchWeights.Load(model, Option(args, "--weights", ""), "msdnet");
        var results = new Dictionary<string, object> { ["framework"] = "torchsharp", ["threads"] = get_num_threads(), ["version"] = typeof(torch).Assembly.GetName().Version!.ToString() };

        model.eval();
        foreach (var batch in batches)
        {
            using var x = randn(batch, 3, side, side);
            results[$"forward_b{batch}_ms"] = Median(() =>
            {
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                model.forward(x);
            }, cap);
        }

        model.train();
        using var optimizer = optim.SGD(model.parameters(), 0.1, momentum: 0.9, weight_decay: 1e-4);
        using var images = randn(trainBatch, 3, side, side);
        using var labels = randint(0, classes, [trainBatch]);
        using var criterion = nn.CrossEntropyLoss();
        results[$"train_step_b{trainBatch}_ms"] = Median(() =>
        {
            using var scope = NewDisposeScope();
            var output = model.forward(images);
            var loss = criterion.call(output[0], labels);
            for (var j = 1; j < output.Length; j++)
            {
                loss = loss + criterion.call(output[j], labels);
            }

            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }, cap);
        Console.WriteLine(JsonSerializer.Serialize(results));
        return 0;
    }

    private static double Median(Action action, double capSeconds)
    {
        for (var i = 0; i < 3; i++)
        {
            action();
        }

        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < 5 || (total.Elapsed.TotalSeconds < capSeconds && times.Count < 200))
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
    }

    private static int Int(string[] args, string name, string fallback) => int.Parse(Option(args, name, fallback), CultureInfo.InvariantCulture);

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
