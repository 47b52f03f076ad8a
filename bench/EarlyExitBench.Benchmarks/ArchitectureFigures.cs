using System.Diagnostics;
using System.Globalization;
using EarlyExitBench.Architectures.BranchyLeNet;
using EarlyExitBench.Architectures.MsdNet;
using EarlyExitBench.Architectures.ResNetSdn;
using EarlyExitBench.Architectures.VitEe;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Measurement;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Harness.Training;
using Serilog.Core;
using static TorchSharp.torch;

namespace EarlyExitBench.Benchmarks;

/// <summary>
/// <c>arch-figures [--data DIR] [--threads N] [--epochs N] [--train-limit N] [--test-limit N] [--only ALIAS]</c>: every
/// shipped architecture on Fashion-MNIST: per-exit analytic cost next to the count of a real forward pass
/// (<see cref="FlopCounter"/>), parameters, training throughput (samples/s, the whole <see cref="Trainer.Train"/> call)
/// and test accuracy per exit after a short training; then the analytic costs of the CIFAR-100 suites' models.
/// Prints markdown tables.
/// </summary>
internal static class ArchitectureFigures
{
    public static int Run(string[] args)
    {
        var data = Option(args, "--data", "/usr/share/datasets/fashion-mnist");
        set_num_threads(int.Parse(Option(args, "--threads", "2"), CultureInfo.InvariantCulture));
        var epochs = int.Parse(Option(args, "--epochs", "1"), CultureInfo.InvariantCulture);
        var trainLimit = int.Parse(Option(args, "--train-limit", "20000"), CultureInfo.InvariantCulture);
        var testLimit = int.Parse(Option(args, "--test-limit", "10000"), CultureInfo.InvariantCulture);
        var only = Option(args, "--only", string.Empty);

        var registrar = new Registrar();
        BuiltInDatasets.Register(registrar);
        var splits = registrar.Source!.Load(CancellationToken.None);
        var split = DataSplit.Create(splits, 5000, trainLimit, testLimit, seed: 0);
        Console.WriteLine($"Fashion-MNIST: {split.Train.Count} training images, {split.Test.Count} test images; {epochs} epoch(s) of Adam (lr 0.002, batch 128), {get_num_threads()} threads, seed 0");
        Console.WriteLine($"Cost convention: {Flops.Convention}");
        foreach (var (alias, options, architecture, lr) in Architectures())
        {
            if (only.Length > 0 && alias != only)
            {
                continue;
            }

            manual_seed(0);
            using var model = architecture.Build(split.Train.Input);
            var counted = FlopCounter.Count(model, split.Train.Input);
            var watch = Stopwatch.StartNew();
            Trainer.Train(new TrainingJob(model, split.Train, new TrainingSpec(epochs, 128, "adam", lr, 0, 0, null), 0, CPU, Logger.None, null, null), CancellationToken.None);
            var seconds = watch.Elapsed.TotalSeconds;
            var logits = LogitsRecorder.Record(model, split.Test, CPU);

            Console.WriteLine();
            Console.WriteLine($"### {alias} {options}: {model.parameters().Sum(p => p.numel()):N0} parameters (parameters()), training {epochs * split.Train.Count / seconds:F0} samples/s ({seconds:F1} s)");
            Console.WriteLine("| exit | cost (analytic) | cost (counted) | relative | block FLOPs analytic / counted | head FLOPs analytic / counted | params (cumulative) | test accuracy |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
            long cost = 0, countedCost = 0, parameters = 0;
            var total = model.Stages.Sum(s => s.BackboneFlops + s.HeadFlops);
            for (var k = 0; k < model.Stages.Count; k++)
            {
                var s = model.Stages[k];
                cost += s.BackboneFlops + s.HeadFlops;
                countedCost += counted[k].BackboneFlops + counted[k].HeadFlops;
                parameters += s.BackboneParameters + s.HeadParameters;
                Console.WriteLine($"| {k + 1} | {cost:N0} | {countedCost:N0} | {(double)cost / total:F3} | {s.BackboneFlops:N0} / {counted[k].BackboneFlops:N0} | {s.HeadFlops:N0} / {counted[k].HeadFlops:N0} | {parameters:N0} | {Accuracy(logits[k], split.Test.Labels):P2} |");
            }
        }

        Console.WriteLine();
        Console.WriteLine("### CIFAR-100 suites' models (3×32×32, 100 classes), analytic");
        var cifar = new InputSpec(3, 32, 32, 100);
        foreach (var (label, architecture) in new (string, IEarlyExitArchitecture)[]
        {
            ("msdnet (suites/cifar100-msdnet.yaml)", new MsdNetArchitecture(new MsdNetOptions { Blocks = 7, Base = 4, Step = 2, BaseChannels = 16, GrowthRate = 6, HeadChannels = 128 })),
            ("vit-ee (suites/cifar100-vit.yaml)", new VitEeArchitecture(new VitEeOptions { PatchSize = 4, Depth = 8, Width = 192, Heads = 3, MlpRatio = 4 })),
        })
        {
            using var model = architecture.Build(cifar);
            var total = model.Stages.Sum(s => s.BackboneFlops + s.HeadFlops);
            var exits = new List<string>();
            long cost = 0;
            foreach (var s in model.Stages)
            {
                cost += s.BackboneFlops + s.HeadFlops;
                exits.Add((cost / 1e6).ToString("F1", CultureInfo.InvariantCulture));
            }

            Console.WriteLine($"- {label}: {total / 1e6:F1} MFLOPs full network, {model.parameters().Sum(p => p.numel()):N0} parameters; cumulative MFLOPs per exit {string.Join(", ", exits)}");
        }

        return 0;
    }

    private static IEnumerable<(string Alias, string Options, IEarlyExitArchitecture Architecture, double LearningRate)> Architectures()
    {
        yield return ("branchy-lenet", "{channels: [16, 32, 64], head_grid: 4}", new BranchyLeNetArchitecture(new BranchyLeNetOptions()), 0.002);
        yield return ("resnet-sdn", "{widths: [16, 32, 64], blocks_per_stage: 1, head_grid: 2}", new ResNetSdnArchitecture(new ResNetSdnOptions()), 0.002);
        yield return ("msdnet", "{blocks: 4, base: 2, step: 2, base_channels: 8, growth_rate: 4, head_channels: 32}", new MsdNetArchitecture(new MsdNetOptions { Blocks = 4, Base = 2, Step = 2, BaseChannels = 8, GrowthRate = 4, HeadChannels = 32 }), 0.002);
        yield return ("vit-ee", "{patch_size: 4, depth: 6, width: 64, heads: 4, mlp_ratio: 2}", new VitEeArchitecture(new VitEeOptions()), 0.001);
    }

    private static double Accuracy(ClassMatrix logits, int[] labels)
    {
        var correct = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            correct += Probabilities.ArgMax(logits.Row(i)) == labels[i] ? 1 : 0;
        }

        return (double)correct / labels.Length;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private sealed class Registrar : IPluginRegistrar
    {
        public IDatasetSource? Source { get; private set; }

        public void Add<TKind, TOptions>(PluginInfo info, Func<TOptions, PluginContext, TKind> factory)
            where TKind : class
            where TOptions : class, new()
        {
            if (info.Alias == "fashion-mnist")
            {
                Source = (IDatasetSource)factory(new TOptions(), new PluginContext(Logger.None, info.Alias, 0));
            }
        }
    }
}
