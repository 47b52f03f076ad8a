using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EarlyExitBench.Architectures.VitEe;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Training;
using static TorchSharp.torch;

namespace EarlyExitBench.Benchmarks;

/// <summary>
/// The TorchSharp half of <c>bench/vit-vs-pytorch.sh</c>: vit-ee with the weights bench/pytorch/vit_forward.py saved
/// (timm's keys plus exits.i.*), the median wall-clock of one forward pass computing every exit, per batch size, in
/// eval mode without gradients, with the same warm-up and stopping rule as the Python half. Prints one JSON line.
/// </summary>
internal static class VitForward
{
    public static int Run(string[] args)
    {
        int Int(string name, int fallback) => int.Parse(Option(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var weights = Option(args, "--weights", "");
        var threads = Int("--threads", 2);
        var cap = double.Parse(Option(args, "--cap-seconds", "3"), CultureInfo.InvariantCulture);
        var (img, channels, classes) = (Int("--img", 32), Int("--channels", 3), Int("--classes", 100));
        var options = new VitEeOptions { PatchSize = Int("--patch", 4), Depth = Int("--depth", 8), Width = Int("--width", 192), Heads = Int("--heads", 3), MlpRatio = Int("--mlp", 4) };
        set_num_threads(threads);
        using var model = new VitEeArchitecture(options).Build(new InputSpec(channels, img, img, classes));
        PyTorchWeights.Load(model, weights, "vit-ee");
        model.eval();
        var result = new Dictionary<string, object> { ["framework"] = "torchsharp", ["version"] = typeof(TorchSharp.torch).Assembly.GetName().Version!.ToString(), ["threads"] = get_num_threads() };
        foreach (var b in Option(args, "--batches", "1,64,256").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var x = randn(b, channels, img, img);
            void Forward()
            {
                using var inner = NewDisposeScope();
                _ = model.forward(x);
            }

            Forward();
            Forward();
            var times = new List<double>();
            var start = Stopwatch.StartNew();
            while (times.Count < 3 || (start.Elapsed.TotalSeconds < cap && times.Count < 50))
            {
                var t = Stopwatch.StartNew();
                Forward();
                times.Add(t.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            result[$"all_exits_b{b}_ms"] = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
            result[$"all_exits_b{b}_repeats"] = times.Count;
        }

        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
