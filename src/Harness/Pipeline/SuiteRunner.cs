using System.Diagnostics;
using System.Runtime.InteropServices;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Measurement;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Harness.Training;
using Serilog;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Pipeline;

/// <summary>
/// Runs a validated suite: for each dataset × architecture × seed, get (train or load) the model and its
/// logits bundle, evaluate every method, and rewrite the leaderboard after each cell so nothing finished is lost.
/// </summary>
public sealed class SuiteRunner(Suite suite, PluginCatalog catalog, RunOptions options, ILogger logger, IProgressSink progress)
{
    private readonly List<PhaseTiming> _timings = [];
    private readonly List<FailureRecord> _failures = [];
    private readonly List<MeasurementRecord> _measurements = [];
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly string _started = DateTimeOffset.UtcNow.ToString("O");

    /// <summary>Folder the leaderboard, bundles and logs go to.</summary>
    public string OutputDirectory => options.OutputOverride ?? Path.Combine(suite.Output, suite.Name);

    /// <summary>Runs the suite; returns the final leaderboard (also written to <see cref="OutputDirectory"/>).</summary>
    public LeaderboardDocument Run(CancellationToken cancellationToken)
    {
        var device = TorchRuntime.Resolve(suite.Device);
        if (suite.Threads is { } threads)
        {
            set_num_threads(threads);
        }

        var calibrators = suite.Calibrators.Select(s => Resolve(s, PluginKind.Calibrator, suite.Calibrators)).ToList();
        var predictors = suite.FailurePredictors.Select(s => Resolve(s, PluginKind.FailurePredictor, suite.FailurePredictors)).ToList();
        var policies = suite.ExitPolicies.Select(s => Resolve(s, PluginKind.ExitPolicy, suite.ExitPolicies)).ToList();
        var groups = new List<GroupResult>();
        var cache = new ModelCache(options.CacheRoot);
        var leaderboardPath = Path.Combine(OutputDirectory, "leaderboard.json");

        foreach (var datasetSpec in suite.Datasets)
        {
            var dataset = Resolve(datasetSpec.Plugin, PluginKind.Dataset, suite.Datasets.Select(d => d.Plugin).ToList());
            DatasetSplits? splits = null;
            foreach (var architectureSpec in suite.Architectures)
            {
                var architecture = Resolve(architectureSpec, PluginKind.Architecture, suite.Architectures);
                var methods = new List<MethodResult>();
                var fits = new List<CalibratorFit>();
                IReadOnlyList<ExitInfo>? exits = null;
                foreach (var seed in suite.Seeds)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var cell = $"{dataset.Label}/{architecture.Label}/seed {seed}";
                    try
                    {
                        splits ??= Time(cell, "load data", false, () => Guard("dataset", dataset.Label, "load", () => dataset.Create<IDatasetSource>(logger, cell, seed).Load(cancellationToken)));
                        var split = DataSplit.Create(splits, datasetSpec.ValidationSize, datasetSpec.TrainLimit, datasetSpec.TestLimit, seed);
                        var (bundle, exitInfo) = GetBundle(cache, cell, splits, split, datasetSpec, architecture, seed, device, cancellationToken);
                        exits ??= exitInfo;
                        var bundlePath = Path.Combine(OutputDirectory, "bundles", $"{Safe(dataset.Label)}__{Safe(architecture.Label)}__seed{seed}.npz");
                        Directory.CreateDirectory(Path.GetDirectoryName(bundlePath)!);
                        BundleFile.Write(bundlePath, bundle);
                        var result = Time(cell, "evaluate", false, () => new CellEvaluator(logger).Evaluate(bundle, cell, seed, calibrators, predictors, policies, suite.Evaluation.Bins, cancellationToken));
                        methods.AddRange(result.Methods);
                        fits.AddRange(result.Fits);
                        _failures.AddRange(result.Failures);
                        if (suite.Measurement.Enabled && result.Methods.Count > 0)
                        {
                            Time(cell, "measure", false, () => Measure(cache, cell, splits, split, datasetSpec, architecture, seed, bundle, result.Methods, calibrators, predictors, device, cancellationToken));
                        }
                    }
                    catch (PluginFailure failure)
                    {
                        logger.Error("{Cell}: {Message}; skipping this cell", cell, failure.Message);
                        _failures.Add(new FailureRecord(cell, seed, failure.Kind, failure.Plugin, failure.Stage, failure.Detail));
                    }

                    var current = methods.Count == 0 || exits is null ? groups : [.. groups, Group(dataset, architecture, exits, methods, fits)];
                    LeaderboardWriter.Write(leaderboardPath, Document(current, device));
                }

                if (methods.Count > 0 && exits is not null)
                {
                    groups.Add(Group(dataset, architecture, exits, methods, fits));
                }
            }
        }

        var document = Document(groups, device);
        LeaderboardWriter.Write(leaderboardPath, document);
        return document;
    }

    private GroupResult Group(ResolvedPlugin dataset, ResolvedPlugin architecture, IReadOnlyList<ExitInfo> exits, List<MethodResult> methods, List<CalibratorFit> fits) =>
        new(
            dataset.Label,
            architecture.Label,
            System.Text.Json.JsonSerializer.Serialize(architecture.Options, architecture.Options.GetType(), CompactJson),
            exits,
            GroupAssembler.Rank(methods),
            GroupAssembler.Correlate(methods, suite.Evaluation.BootstrapResamples, suite.Seeds[0]),
            GroupAssembler.Correlate(methods, suite.Evaluation.BootstrapResamples, suite.Seeds[0], pooled: true),
            GroupAssembler.CorrelateByPolicy(methods, suite.Evaluation.BootstrapResamples, suite.Seeds[0]),
            fits.ToList());

    private (LogitsBundle Bundle, IReadOnlyList<ExitInfo> Exits) GetBundle(
        ModelCache cache, string cell, DatasetSplits splits, DataSplit split, DatasetSpec datasetSpec, ResolvedPlugin architecture, int seed, Device device, CancellationToken cancellationToken)
    {
        var key = CacheKey(splits, datasetSpec, architecture, seed);
        var checkpoint = cache.Checkpoint(key);
        var bundlePath = cache.Bundle(key);
        return GetBundle(key, checkpoint, bundlePath, cell, splits, split, architecture, seed, device, cancellationToken);
    }

    private string CacheKey(DatasetSplits splits, DatasetSpec datasetSpec, ResolvedPlugin architecture, int seed) =>
        ModelCache.Key(new
        {
            architecture = architecture.Registration.Alias,
            architecture_assembly = architecture.Registration.Assembly,
            // The build of the plugin's code, so editing an architecture invalidates its cached models.
            architecture_build = architecture.Create<IEarlyExitArchitecture>(Serilog.Core.Logger.None, "cache key", seed).GetType().Assembly.ManifestModule.ModuleVersionId,
            options = System.Text.Json.JsonSerializer.Serialize(architecture.Options, architecture.Options.GetType(), CompactJson),
            dataset = splits.Name,
            content = splits.ContentId,
            split = new { datasetSpec.ValidationSize, datasetSpec.TrainLimit, datasetSpec.TestLimit },
            recipe = suite.Training,
            seed,
        });

    private (LogitsBundle Bundle, IReadOnlyList<ExitInfo> Exits) GetBundle(
        string key, string checkpoint, string bundlePath, string cell, DatasetSplits splits, DataSplit split, ResolvedPlugin architecture, int seed, Device device, CancellationToken cancellationToken)
    {
        manual_seed(seed);
        using var model = Guard("architecture", architecture.Label, "build", () => architecture.Create<IEarlyExitArchitecture>(logger, cell, seed).Build(split.Train.Input));
        var exits = ExitInfos(model);
        if (options.UseCache && File.Exists(bundlePath))
        {
            logger.Information("{Cell}: logits bundle cached ({Key}); skipping training", cell, key);
            return (Time(cell, "load bundle", true, () => BundleFile.Read(bundlePath)), exits);
        }

        model.to(device);
        if (options.UseCache && File.Exists(checkpoint))
        {
            logger.Information("{Cell}: checkpoint cached ({Key}); skipping training", cell, key);
            Time(cell, "load checkpoint", true, () => model.load(checkpoint));
        }
        else
        {
            logger.Information("{Cell}: training {Epochs} epochs on {Train} samples ({Validation} held out for validation)", cell, suite.Training.Epochs, split.Train.Count, split.Validation.Count);
            Time(cell, "train", false, () => progress.Track($"train {cell}", (report) =>
                Guard("architecture", architecture.Label, "train", () => Trainer.Train(model, split.Train, suite.Training, seed, device, logger, report, cancellationToken))));
            Directory.CreateDirectory(Path.GetDirectoryName(checkpoint)!);
            model.save(checkpoint + ".tmp");
            File.Move(checkpoint + ".tmp", checkpoint, overwrite: true);
        }

        var bundle = Time(cell, "record logits", false, () =>
        {
            var validation = Guard("architecture", architecture.Label, "record logits", () => LogitsRecorder.Record(model, split.Validation, device));
            var test = Guard("architecture", architecture.Label, "record logits", () => LogitsRecorder.Record(model, split.Test, device));
            RequireFinite(validation, architecture.Label, "validation");
            RequireFinite(test, architecture.Label, "test");
            return new LogitsBundle(validation, split.Validation.Labels, test, split.Test.Labels, exits.Select(e => e.Cost).ToArray(), splits.Name, architecture.Label);
        });
        Directory.CreateDirectory(Path.GetDirectoryName(bundlePath)!);
        BundleFile.Write(bundlePath, bundle);
        logger.Information("{Cell}: test accuracy per exit {Accuracy}", cell, string.Join(", ", bundle.TestLogits.Select(l => Accuracy(l, bundle.TestLabels).ToString("P2", System.Globalization.CultureInfo.InvariantCulture))));
        return (bundle, exits);
    }

    /// <summary>
    /// Times real dynamic inference for one method of the cell (the suite's choice, else the best-ranked
    /// global-threshold method) at the thresholds giving 25/50/75% of the FLOPs and at matched accuracy.
    /// </summary>
    private void Measure(
        ModelCache cache, string cell, DatasetSplits splits, DataSplit split, DatasetSpec datasetSpec, ResolvedPlugin architecture, int seed,
        LogitsBundle bundle, IReadOnlyList<MethodResult> methods, IReadOnlyList<ResolvedPlugin> calibrators, IReadOnlyList<ResolvedPlugin> predictors,
        Device device, CancellationToken cancellationToken)
    {
        var spec = suite.Measurement;
        var best = GroupAssembler.Rank(methods.Where(m => m.ExitPolicy == CellEvaluator.GlobalThreshold))[0];
        var calibrator = calibrators.FirstOrDefault(c => c.Label == (spec.Calibrator ?? best.Calibrator));
        var predictor = predictors.FirstOrDefault(p => p.Label == (spec.FailurePredictor ?? best.FailurePredictor));
        if (calibrator is null || predictor is null)
        {
            logger.Warning("{Cell}: measurement.calibrator/failure_predictor must name a calibrator and a failure predictor of the suite; skipping measurement", cell);
            return;
        }

        var checkpoint = cache.Checkpoint(CacheKey(splits, datasetSpec, architecture, seed));
        if (!File.Exists(checkpoint))
        {
            logger.Warning("{Cell}: no checkpoint at {Path} (only its logits are cached); run with --no-cache to measure", cell, checkpoint);
            return;
        }

        var (fitted, scorer, scores, correct) = new CellEvaluator(logger).FitMethod(bundle, calibrator, predictor, cell, seed, cancellationToken);
        var thresholds = ThresholdChoice.FromSweep(ExitSweep.Sweep(scores, correct, bundle.ExitCost));
        manual_seed(seed);
        using var model = Guard("architecture", architecture.Label, "build", () => architecture.Create<IEarlyExitArchitecture>(logger, cell, seed).Build(split.Test.Input));
        model.to(device);
        model.load(checkpoint);
        var settings = new MeasurementSettings { Samples = spec.Samples, BatchSizes = spec.BatchSizes, MaxSecondsPerMeasurement = spec.MaxSeconds };
        logger.Information("{Cell}: measuring dynamic inference of {Calibrator}+{Predictor} at batch sizes {Batches}", cell, calibrator.Label, predictor.Label, string.Join(", ", spec.BatchSizes));
        var measurement = Guard("failure predictor", predictor.Label, "dynamic inference", () => CellMeasurer.MeasureCell(model, split.Test, fitted, scorer, thresholds, settings, device, cancellationToken));
        _measurements.Add(new MeasurementRecord(cell, calibrator.Label, predictor.Label, measurement));
        foreach (var t in measurement.Thresholds)
        {
            logger.Information(
                "{Cell}: batch {Batch} {Label}: relative FLOPs {Flops:F3}, relative time {Time:F3}, time saved / FLOPs saved {Ratio}",
                cell, t.BatchSize, t.Label, t.RelativeFlops, t.RelativeTime, t.TimeSavedPerFlopSaved?.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) ?? "n/a");
        }
    }

    /// <summary>Cumulative cost and parameters per exit from the architecture's analytic stage costs.</summary>
    public static IReadOnlyList<ExitInfo> ExitInfos(MultiExitModule model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = new List<ExitInfo>();
        long backbone = 0, heads = 0, backboneParams = 0, headParams = 0;
        foreach (var (stage, index) in model.Stages.Select((s, i) => (s, i)))
        {
            backbone += stage.BackboneFlops;
            heads += stage.HeadFlops;
            backboneParams += stage.BackboneParameters;
            headParams += stage.HeadParameters;
            result.Add(new ExitInfo(index + 1, backbone + heads, 0, backboneParams + headParams, stage.BackboneFlops, stage.HeadFlops));
        }

        var last = result[^1].Cost;
        return result.Select(e => e with { RelativeCost = e.Cost / last }).ToList();
    }

    private static void RequireFinite(IReadOnlyList<ClassMatrix> exits, string architecture, string split)
    {
        for (var k = 0; k < exits.Count; k++)
        {
            var values = exits[k].Values;
            for (var i = 0; i < values.Length; i++)
            {
                if (!float.IsFinite(values[i]))
                {
                    throw new PluginFailure("architecture", architecture, "record logits",
                        $"exit {k + 1} produced a non-finite logit ({values[i]}) for {split} sample {i / exits[k].Columns}; the model diverged or the architecture is numerically unstable");
                }
            }
        }
    }

    private static double Accuracy(ClassMatrix logits, int[] labels)
    {
        var correct = 0;
        for (var i = 0; i < logits.Rows; i++)
        {
            correct += Probabilities.ArgMax(logits.Row(i)) == labels[i] ? 1 : 0;
        }

        return (double)correct / logits.Rows;
    }

    private LeaderboardDocument Document(IReadOnlyList<GroupResult> groups, Device device) => new(
        LeaderboardDocument.CurrentSchemaVersion,
        new SuiteSummary(suite.Name, suite.SourcePath.Replace('\\', '/'), suite.Seeds, suite.Device, suite.Training, suite.Evaluation),
        "FLOPs per sample; a multiply-add counts 2, a bias add, ReLU or pooled element 1; cost(k) = backbone up to exit k + every exit head up to k",
        groups,
        _failures.ToList(),
        new EnvironmentInfo(
            Environment.MachineName,
            RuntimeInformation.OSDescription,
            Environment.ProcessorCount,
            RuntimeInformation.FrameworkDescription,
            typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "?",
            device.ToString(),
            get_num_threads(),
            _started,
            options.CommandLine),
        new TimingInfo(Math.Round(_total.Elapsed.TotalSeconds, 3), _timings.ToList(), _measurements.ToList()));

    private static readonly System.Text.Json.JsonSerializerOptions CompactJson = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Labels are the alias, plus the options only when the suite lists the alias more than once.</summary>
    private ResolvedPlugin Resolve(PluginSpec spec, PluginKind kind, IReadOnlyList<PluginSpec> siblings)
    {
        var (registration, bound) = SuiteValidator.Resolve(spec, kind, catalog);
        var label = siblings.Count(s => s.Alias == spec.Alias) > 1 ? $"{spec.Alias}{spec.OptionsJson}" : spec.Alias;
        return new ResolvedPlugin(label, registration, bound);
    }

    private T Time<T>(string cell, string phase, bool cached, Func<T> action)
    {
        var watch = Stopwatch.StartNew();
        var result = action();
        _timings.Add(new PhaseTiming(cell, phase, Math.Round(watch.Elapsed.TotalSeconds, 3), cached));
        return result;
    }

    private void Time(string cell, string phase, bool cached, Action action) => Time(cell, phase, cached, () =>
    {
        action();
        return 0;
    });

    private static T Guard<T>(string kind, string plugin, string stage, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception ex) when (ex is not (PluginFailure or OperationCanceledException or OutOfMemoryException or InvalidDataException))
        {
            throw new PluginFailure(kind, plugin, stage, $"{ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    private static string Safe(string label) => new(label.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
