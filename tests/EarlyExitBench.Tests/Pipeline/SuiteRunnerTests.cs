using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Cli;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Measurement;
using EarlyExitBench.Harness.Methods;
using EarlyExitBench.Harness.Pipeline;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Training;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Pipeline;

/// <summary>The whole pipeline on a tiny synthetic dataset in the Fashion-MNIST file format.</summary>
public class SuiteRunnerTests
{
    private static (Suite Suite, PluginCatalog Catalog) Tiny(string dataDir, string calibrators = "[identity, temperature]", string predictors = "[msp, entropy]", string policies = "[]", string measurement = "{enabled: false}", string architectures = "[{alias: branchy-lenet, options: {channels: [4, 8], head_grid: 2}}]")
    {
        var text = $"""
            name: tiny
            seeds: [5]
            threads: 1
            datasets:
              - alias: fashion-mnist
                options: {"{"} path: {dataDir} {"}"}
                validation_size: 150
                train_limit: 600
                test_limit: 200
            architectures: {architectures}
            training: {"{"} epochs: 2, batch_size: 32, learning_rate: 0.01 {"}"}
            calibrators: {calibrators}
            failure_predictors: {predictors}
            exit_policies: {policies}
            evaluation: {"{"} bootstrap: 50 {"}"}
            measurement: {measurement}
            """;
        var suite = SuiteLoader.Parse(text, "tiny.yaml", dataDir);
        var catalog = PluginHost.Load([TestPaths.Plugins, TestPaths.TestPlugin("Faulty")], Loggers.Silent, HostPlugins.Register);
        Assert.Empty(SuiteValidator.Validate(suite, catalog));
        return (suite, catalog);
    }

    private static LeaderboardDocument Run(Suite suite, PluginCatalog catalog, string cache, string output, bool useCache = true) =>
        new SuiteRunner(PlanBuilder.FromSuite(suite, catalog, Loggers.Silent, CancellationToken.None), new RunOptions(cache, useCache, output, "test", Shard.All), Loggers.Silent, new NoProgress())
            .Run(CancellationToken.None);

    [Fact]
    public void TrainsEvaluatesAndRanksOnRealFiles()
    {
        var dir = TestPaths.TempDirectory();
        var data = SyntheticIdx.Write(Path.Combine(dir, "data"), train: 750, test: 200);
        var (suite, catalog) = Tiny(data, policies: "[patience, {alias: budget, options: {budgets: [0.3, 0.6, 1.0]}}]");

        var document = Run(suite, catalog, Path.Combine(dir, "cache"), Path.Combine(dir, "out"));

        var cell = Assert.Single(PlanFile.Read(Path.Combine(dir, "out")).Cells);
        Assert.True(File.Exists(Path.Combine(dir, "out", "cells", cell.Key + ".npz")));
        Assert.True(File.Exists(Path.Combine(dir, "out", "cells", cell.Key + ".json")));
        Assert.Empty(LeaderboardSchema.Errors(File.ReadAllText(Path.Combine(dir, "out", "leaderboard.json"))));
        Assert.Empty(document.Failures);
        var group = Assert.Single(document.Groups);
        Assert.Equal(2, group.Exits.Count);
        Assert.Equal(1.0, group.Exits[^1].RelativeCost);
        Assert.Equal(2 * 2 * 3, group.Entries.Count);
        // Competition ranks: an entry is ranked by its place, or shares the rank of the identical entry before it. Patience
        // reads only the predictions, which both calibrators keep, so its four entries stop every sample at the same exit.
        Assert.All(group.Entries.Select((e, i) => (e, i)), p => Assert.True(p.e.Rank == p.i + 1 || (p.i > 0 && p.e.Rank == group.Entries[p.i - 1].Rank)));
        Assert.Single(group.Entries.Where(e => e.ExitPolicy == "patience").Select(e => e.Rank).Distinct());
        Assert.Single(group.Entries.Where(e => e.ExitPolicy == "patience").Select(e => string.Join(",", e.RankCi!)).Distinct());
        Assert.True(group.Entries.Zip(group.Entries.Skip(1)).All(p => p.First.Efficiency.Score >= p.Second.Efficiency.Score));
        Assert.Contains(group.Entries, e => e.ExitPolicy == "patience");
        Assert.Contains(group.Entries, e => e.ExitPolicy == "budget");

        // The synthetic classes are easy: a trained model is far above chance (0.1) at its last exit.
        var best = group.Entries.First(e => e.ExitPolicy == GlobalThresholdPolicy.Alias);
        Assert.True(best.PerExit[^1].Accuracy > 0.6, $"last-exit accuracy {best.PerExit[^1].Accuracy}");
        Assert.Equal([1, 2], best.PerExit.Select(p => p.Exit));
        Assert.Contains("auroc", group.ProxyCorrelation.Keys);
        Assert.Contains("ece@exit1", group.ProxyCorrelation.Keys);
        Assert.Equal(["budget", "patience"], group.ProxyCorrelationByPolicy.Keys);
        Assert.Equal(4, group.ProxyCorrelationByPolicy["budget"]["auroc"].Count);
        var temperature = Assert.Single(group.CalibratorFits, f => f.Calibrator == "temperature");
        Assert.All(temperature.PerExit, p => Assert.True(p["temperature"] > 0));

        var report = File.ReadAllText(EarlyExitBench.Harness.Reporting.ReportWriter.Write(document, Path.Combine(dir, "out")));
        Assert.Contains($"| 1 | {group.Entries[0].RankCi![0]}–{group.Entries[0].RankCi![1]} | {group.Entries[0].Calibrator} | {group.Entries[0].FailurePredictor} |", report, StringComparison.Ordinal);
        foreach (var png in new[] { "fashion-mnist__branchy-lenet__pareto.png", "fashion-mnist__branchy-lenet__proxies.png" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(dir, "out", png));
            Assert.True(bytes.Length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', png);
            Assert.Contains($"]({png})", report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SameSeedGivesByteIdenticalLeaderboardsAndTheCacheSkipsTraining()
    {
        var dir = TestPaths.TempDirectory();
        var data = SyntheticIdx.Write(Path.Combine(dir, "data"), train: 750, test: 200);
        var (suite, catalog) = Tiny(data);

        Run(suite, catalog, Path.Combine(dir, "cache-a"), Path.Combine(dir, "a"));
        Run(suite, catalog, Path.Combine(dir, "cache-b"), Path.Combine(dir, "b"), useCache: false);
        var warm = Run(suite, catalog, Path.Combine(dir, "cache-a"), Path.Combine(dir, "c"));

        var a = Eebench.Deterministic(Path.Combine(dir, "a", "leaderboard.json"));
        Assert.Equal(a, Eebench.Deterministic(Path.Combine(dir, "b", "leaderboard.json")));
        Assert.Equal(a, Eebench.Deterministic(Path.Combine(dir, "c", "leaderboard.json")));
        Assert.DoesNotContain(warm.Timing.Phases, p => p.Phase == "train");
        Assert.Contains(warm.Timing.Phases, p => p.Phase == "load bundle" && p.Cached);
    }

    [Fact]
    public void AFailingPluginIsRecordedAndTheRestOfTheRunGoesOn()
    {
        var dir = TestPaths.TempDirectory();
        var data = SyntheticIdx.Write(Path.Combine(dir, "data"), train: 750, test: 200);
        var (suite, catalog) = Tiny(data, calibrators: "[throws-on-fit, identity]", predictors: "[nan-score, msp]");

        var document = Run(suite, catalog, Path.Combine(dir, "cache"), Path.Combine(dir, "out"));

        Assert.Equal(2, document.Failures.Count);
        var fit = Assert.Single(document.Failures, f => f.Plugin == "throws-on-fit");
        Assert.Equal(("calibrator", "fit (exit 1)", 5), (fit.Kind, fit.Stage, fit.Seed));
        Assert.Contains("fit always fails", fit.Message, StringComparison.Ordinal);
        var nan = Assert.Single(document.Failures, f => f.Plugin == "nan-score");
        Assert.Equal("fashion-mnist/branchy-lenet/seed 5", nan.Cell);
        Assert.Contains("is not finite", nan.Message, StringComparison.Ordinal);
        var entry = Assert.Single(Assert.Single(document.Groups).Entries);
        Assert.Equal(("identity", "msp"), (entry.Calibrator, entry.FailurePredictor));
        Assert.True(File.Exists(Path.Combine(dir, "out", "leaderboard.json")));
    }

    [Fact]
    public void ACalibratorWhoseRowsDoNotSumToOneFailsAndIsNotRanked()
    {
        var dir = TestPaths.TempDirectory();
        var data = SyntheticIdx.Write(Path.Combine(dir, "data"), train: 750, test: 200);
        var (suite, catalog) = Tiny(data, calibrators: "[short-rows, identity]", predictors: "[msp]");

        var document = Run(suite, catalog, Path.Combine(dir, "cache"), Path.Combine(dir, "out"));

        var failure = Assert.Single(document.Failures);
        Assert.Equal(("calibrator", "short-rows"), (failure.Kind, failure.Plugin));
        Assert.StartsWith("apply (exit ", failure.Stage, StringComparison.Ordinal);
        Assert.Contains("sum to 0.9", failure.Message, StringComparison.Ordinal);
        var entry = Assert.Single(Assert.Single(document.Groups).Entries);
        Assert.Equal(("identity", "msp"), (entry.Calibrator, entry.FailurePredictor));
    }

    [Fact]
    public void MeasuresDynamicInferenceOfTheBestMethodIntoTheTimingSection()
    {
        var dir = TestPaths.TempDirectory();
        var data = SyntheticIdx.Write(Path.Combine(dir, "data"), train: 750, test: 200);
        var (suite, catalog) = Tiny(data, measurement: "{samples: 40, batch_sizes: [1, 16], max_seconds: 0.05}");

        var document = Run(suite, catalog, Path.Combine(dir, "cache"), Path.Combine(dir, "out"));

        var record = Assert.Single(document.Timing.Measurements);
        var best = document.Groups[0].Entries.First(e => e.ExitPolicy == GlobalThresholdPolicy.Alias);
        Assert.Equal((best.Calibrator, best.FailurePredictor), (record.Calibrator, record.FailurePredictor));
        Assert.Equal(40, record.Measurement.Samples);
        Assert.Equal([1, 16], record.Measurement.FullNetwork.Select(f => f.BatchSize));
        Assert.Contains(record.Measurement.Thresholds, t => t.Label == "matched_accuracy" && t.BatchSize == 16);
        Assert.All(record.Measurement.Thresholds, t => Assert.InRange(t.RelativeFlops, 0, 1));
        Assert.Contains(document.Timing.Phases, p => p.Phase == "measure");
        Assert.Empty(LeaderboardSchema.Errors(File.ReadAllText(Path.Combine(dir, "out", "leaderboard.json"))));

        // Where each exit's time goes: the forward parts add up to the full pass, the decision's share is its sum over that.
        Assert.Equal([1, 16], record.Measurement.DecisionOverhead.Select(o => o.BatchSize));
        foreach (var overhead in record.Measurement.DecisionOverhead)
        {
            Assert.Equal([1, 2], overhead.PerExit.Select(e => e.Exit));
            Assert.All(overhead.PerExit, e => Assert.True(e.CalibrateMs > 0 && e.ScoreMs > 0 && e.GatherMs > 0 && e.ForwardMs >= 0));
            var latencies = record.Measurement.ExitLatency.Where(l => l.BatchSize == overhead.BatchSize).ToList();
            Assert.Equal(latencies[^1].Time.MedianMs, overhead.ForwardMs, 12);
            Assert.Equal(overhead.PerExit.Sum(e => e.DecisionMs) / overhead.ForwardMs, overhead.Share, 12);
        }

        // Every global-threshold method ranked in measured time as well. The same bundle with the measured latencies as its
        // exit costs, evaluated on its own, gives the same scores: the time ranking is the FLOP ranking's code on other costs.
        var global = document.Groups[0].Entries.Where(e => e.ExitPolicy == GlobalThresholdPolicy.Alias).ToList();
        Assert.Equal(2 * global.Count, record.TimeCost.Count);
        Assert.All(record.TimeCost, t => Assert.Equal(global.Single(e => (e.Calibrator, e.FailurePredictor) == (t.Calibrator, t.FailurePredictor)).Efficiency.Score, t.FlopScore, 12));
        var bundle = BundleFile.Read(Directory.GetFiles(Path.Combine(dir, "cache"), "*.npz", SearchOption.AllDirectories).Single());
        var costs = TimeCostEfficiency.Costs(record.Measurement.ExitLatency.Where(l => l.BatchSize == 16).OrderBy(l => l.Exit).Select(l => l.MsPerSample).ToList());
        var timed = Path.Combine(dir, "timed.npz");
        BundleFile.Write(timed, bundle with { ExitCost = costs });
        Assert.Equal(0, Commands.Run(["evaluate", "--bundle", timed, "--calibrators", "identity,temperature", "--failure-predictors", "msp,entropy", "--out", Path.Combine(dir, "timed"), "--bootstrap", "0"], new StringWriter()));
        var evaluated = LeaderboardReader.Read(Path.Combine(dir, "timed", "leaderboard.json")).Groups[0].Entries;
        Assert.All(record.TimeCost.Where(t => t.BatchSize == 16), t =>
            Assert.Equal(evaluated.Single(e => (e.Calibrator, e.FailurePredictor) == (t.Calibrator, t.FailurePredictor)).Efficiency.Score, t.Score, 12));
        Assert.Equal(0, Commands.Run(["report", Path.Combine(dir, "out", "leaderboard.json"), "--out", Path.Combine(dir, "report")], new StringWriter()));
        var report = File.ReadAllText(Path.Combine(dir, "report", "report.md"));
        Assert.Contains("Ranked by measured time", report, StringComparison.Ordinal);
        Assert.Contains("| decision / forward |", report, StringComparison.Ordinal);
    }

    [Fact]
    public void ADivergingArchitectureFailsItsCellAndTheOthersRun()
    {
        var dir = TestPaths.TempDirectory();
        var data = SyntheticIdx.Write(Path.Combine(dir, "data"), train: 750, test: 200);
        var (suite, catalog) = Tiny(data, architectures: "[nan-net, {alias: branchy-lenet, options: {channels: [4, 8], head_grid: 2}}]");

        var document = Run(suite, catalog, Path.Combine(dir, "cache"), Path.Combine(dir, "out"));

        var failure = Assert.Single(document.Failures);
        Assert.Equal(("architecture", "nan-net", "train"), (failure.Kind, failure.Plugin, failure.Stage));
        Assert.Contains("diverged", failure.Message, StringComparison.Ordinal);
        Assert.Equal("branchy-lenet", Assert.Single(document.Groups).Architecture);
    }
}
