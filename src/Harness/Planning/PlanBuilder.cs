using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Suites;
using Serilog;

namespace EarlyExitBench.Harness.Planning;

/// <summary>Turns a validated suite, or one logits bundle, into a <see cref="Plan"/> of keyed cells.</summary>
public static class PlanBuilder
{
    // PluginHost's assembly path of the host's own registrations.
    private const string BuiltIn = "built-in";

    /// <summary>
    /// Resolves the suite's plugins, loads each dataset once (its content enters the keys) and asks each architecture
    /// for its analytic cost (<see cref="IEarlyExitArchitecture.Describe"/>) to estimate the cells' cost; no model is built. Cells are datasets × architectures × recipes × seeds, in suite order; an
    /// architecture with imported weights has one recipe, <see cref="Cell.PretrainedRecipe"/>.
    /// </summary>
    public static Plan FromSuite(Suite suite, PluginCatalog catalog, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(logger);
        var calibrators = Resolve(suite.Calibrators, PluginKind.Calibrator, catalog, logger);
        var predictors = Resolve(suite.FailurePredictors, PluginKind.FailurePredictor, catalog, logger);
        var policies = Resolve(suite.ExitPolicies, PluginKind.ExitPolicy, catalog, logger);
        var architectures = Resolve(suite.Architectures, PluginKind.Architecture, catalog, logger);
        var datasetSpecs = suite.Datasets.Select(d => SuiteDownloads.Prepare(d, DownloadProgress.Terminal, cancellationToken)).ToList();
        var datasetPlugins = Resolve(datasetSpecs.Select(d => d.Plugin).ToList(), PluginKind.Dataset, catalog, logger);
        var metrics = Metrics(catalog, logger);
        var evaluation = EvaluationIdentity(calibrators, predictors, policies, metrics, suite.Evaluation, suite.Measurement);

        // Cells counted in another convention get other keys; the model key keeps it out, so the same trained model serves both.
        evaluation = suite.CostConvention == Flops.EeBench ? evaluation : new { evaluation, cost_convention = suite.CostConvention };

        var datasets = new Dictionary<string, PlannedDataset>(StringComparer.Ordinal);
        var cells = new List<Cell>();
        foreach (var (spec, plugin) in datasetSpecs.Zip(datasetPlugins))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var splits = PluginCall.Run(plugin, "load", () => plugin.Create<IDatasetSource>(logger, $"{plugin.Label}/load", suite.Seeds[0]).Load(cancellationToken));
            datasets[plugin.Label] = new PlannedDataset(plugin, spec, splits);
            var fromTrain = spec.Calibration == "train-split" ? spec.ValidationSize : 0;
            var trainCount = Math.Min(spec.TrainLimit ?? int.MaxValue, splits.Train.Count - fromTrain);
            var evaluated = spec.ValidationSize + Math.Min(spec.TestLimit ?? int.MaxValue, splits.Test.Count);

            // Where calibration data come from enters the keys only when it is not the default, so existing keys stay.
            object split = spec.Calibration == "train-split"
                ? new { spec.ValidationSize, spec.TrainLimit, spec.TestLimit }
                : new { spec.ValidationSize, spec.TrainLimit, spec.TestLimit, spec.Calibration, spec.CalibrationSeed };
            foreach (var (architecture, weights) in architectures.Zip(suite.Architectures.Select(a => a.Weights)))
            {
                if (weights is not null)
                {
                    // Imported weights: nothing is trained, so there is one recipe, and the file's content stands in for it.
                    var gflop = Estimate(architecture, splits, (trainCount, evaluated, 0), calibrators.Count * predictors.Count, logger);
                    foreach (var seed in suite.Seeds)
                    {
                        var modelKey = ContentKey.Of(new
                        {
                            architecture = architecture.Identity,
                            dataset = splits.Name,
                            content = splits.ContentId,
                            split,
                            weights = ResolvedPlugin.Sha256Of(weights),
                            seed,
                        });
                        var key = ContentKey.Of(new { model = modelKey, evaluation });
                        cells.Add(new Cell(cells.Count, key, modelKey, plugin.Label, architecture.Label, architecture.OptionsJson, Cell.PretrainedRecipe, seed, null, gflop) { WeightsFile = weights });
                    }

                    continue;
                }

                foreach (var recipe in suite.Recipes)
                {
                    var gflop = Estimate(architecture, splits, (trainCount, evaluated, recipe.Epochs), calibrators.Count * predictors.Count, logger);
                    foreach (var seed in suite.Seeds)
                    {
                        var modelKey = ContentKey.Of(new
                        {
                            architecture = architecture.Identity,
                            dataset = splits.Name,
                            content = splits.ContentId,
                            split,
                            recipe = recipe.WithoutName(),
                            seed,
                        });
                        var key = ContentKey.Of(new { model = modelKey, evaluation });
                        cells.Add(new Cell(cells.Count, key, modelKey, plugin.Label, architecture.Label, architecture.OptionsJson, recipe.Name, seed, null, gflop));
                    }
                }
            }
        }

        var summary = new SuiteSummary(suite.Name, suite.SourcePath.Replace('\\', '/'), suite.Seeds, suite.Device, suite.Recipes, suite.Evaluation);
        var provenance = ProvenanceCapture.Of(
            suite.SourcePath,
            [.. datasetPlugins, .. architectures, .. calibrators, .. predictors, .. policies, .. metrics.Select(m => m.Plugin)],
            datasets.Values.Select(d => new DatasetProvenance(d.Plugin.Label, d.Splits.ContentId) { Calibration = d.Spec.CalibrationDescription }));
        return new Plan(
            Manifest(summary, ExitCosts.ConventionOf(suite.CostConvention), (suite.Evaluation.BootstrapResamples, suite.Seeds[0]), cells, metrics, provenance),
            datasets,
            architectures.ToDictionary(a => a.Label, StringComparer.Ordinal),
            calibrators,
            predictors,
            policies,
            suite.Recipes.ToDictionary(r => r.Name, StringComparer.Ordinal),
            suite.Evaluation.Bins,
            suite.Evaluation.EfficiencyBootstrap,
            suite.Measurement with
            {
                Calibrator = Canonical(suite.Measurement.Calibrator, PluginKind.Calibrator, catalog),
                FailurePredictor = Canonical(suite.Measurement.FailurePredictor, PluginKind.FailurePredictor, catalog),
            },
            suite.Device,
            suite.Threads,
            metrics)
        {
            PluginTimeout = suite.Evaluation.PluginTimeout,
            CostConvention = suite.CostConvention,
        };
    }

    /// <summary>A plan with one cell that evaluates a logits bundle made elsewhere; no training, no measurement.</summary>
    public static Plan FromBundle(string file, BundleSummary bundle, MethodPlugins methods, EvaluationSpec evaluation, PluginCatalog catalog, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(methods);
        var (calibrators, predictors) = methods;
        ArgumentNullException.ThrowIfNull(evaluation);
        var measurement = new MeasurementSpec(false, 0, [], 0, null, null);
        var modelKey = bundle.ContentId[..24];
        var metrics = Metrics(catalog, logger);
        var key = ContentKey.Of(new { model = modelKey, evaluation = EvaluationIdentity(calibrators, predictors, [], metrics, evaluation, measurement) });
        var gflop = calibrators.Count * predictors.Count * (double)bundle.Exits * bundle.Classes * (bundle.TestLabels.Length + bundle.ValidationLabels.Length) * 50 / 1e9;
        var cell = new Cell(0, key, modelKey, bundle.Dataset, bundle.Architecture, "{}", Cell.BundleRecipe, 0, file, gflop);
        var summary = new SuiteSummary("evaluate", file, [0], "cpu", null, evaluation);
        var provenance = ProvenanceCapture.Of(file, [.. calibrators, .. predictors, .. metrics.Select(m => m.Plugin)], [new DatasetProvenance(bundle.Dataset, bundle.ContentId)]);
        return new Plan(
            Manifest(summary, "as given by the bundle's exit_cost", (evaluation.BootstrapResamples, 0), [cell], metrics, provenance),
            new Dictionary<string, PlannedDataset>(),
            new Dictionary<string, ResolvedPlugin>(),
            calibrators,
            predictors,
            [],
            new Dictionary<string, TrainingSpec>(),
            evaluation.Bins,
            evaluation.EfficiencyBootstrap,
            measurement,
            "cpu",
            null,
            metrics)
        {
            PluginTimeout = evaluation.PluginTimeout,
        };
    }

    /// <summary>
    /// Every registered metric: the host's built-ins in their own order, then the plugins' by alias. A metric whose
    /// plugin fails to describe itself is left out with a warning; the other metrics and the run go on.
    /// </summary>
    public static IReadOnlyList<PlannedMetric> Metrics(PluginCatalog catalog, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(logger);
        var registry = catalog[PluginKind.Metric];
        var planned = new List<PlannedMetric>();
        foreach (var registration in registry.InRegistrationOrder.Where(r => r.AssemblyPath == BuiltIn)
            .Concat(registry.Entries.Where(r => r.AssemblyPath != BuiltIn)))
        {
            var plugin = new ResolvedPlugin(registration.Alias, registration, Activator.CreateInstance(registration.OptionsType)!);
            try
            {
                var info = PluginCall.Run(plugin, "describe", () => plugin.Create<IExitMetric>(logger, "plan", 0).Info);
                planned.Add(new PlannedMetric(plugin, info));
            }
            catch (PluginFailure failure)
            {
                logger.Warning(PluginTrace.Of(failure, logger), "Plan: metric {Metric} is left out: {Message}", registration.Alias, failure.Message);
            }
        }

        return planned;
    }

    /// <summary>
    /// Labels are the current alias (a deprecated one is logged and replaced, so cells and the leaderboard carry one
    /// name), plus the options only when the suite lists the plugin more than once.
    /// </summary>
    public static IReadOnlyList<ResolvedPlugin> Resolve(IReadOnlyList<PluginSpec> specs, PluginKind kind, PluginCatalog catalog, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(catalog);
        var resolved = specs.Select(spec => (Spec: spec, Bound: SuiteValidator.Resolve(spec, kind, catalog))).ToList();
        return resolved.Select(r =>
        {
            if (catalog[kind].DeprecationNote(r.Spec.Alias) is { } note)
            {
                logger?.Warning("{Location:l}: {Note:l}", r.Spec.Location, note);
            }

            var alias = r.Bound.Registration.Alias;
            var label = resolved.Count(o => o.Bound.Registration.Alias == alias) > 1 ? $"{alias}{r.Spec.OptionsJson}" : alias;

            // An architecture with imported weights says which, in every group and log line.
            label = r.Spec.Weights is { } weights ? $"{label}@{Path.GetFileNameWithoutExtension(weights)}" : label;
            return new ResolvedPlugin(label, r.Bound.Registration, r.Bound.Options);
        }).ToList();
    }

    // measurement.calibrator / failure_predictor name a method by label: the alias, or alias+options.
    private static string? Canonical(string? label, PluginKind kind, PluginCatalog catalog)
    {
        if (label is null)
        {
            return null;
        }

        var brace = label.IndexOf('{', StringComparison.Ordinal);
        var alias = brace < 0 ? label : label[..brace];
        return catalog[kind].TryGet(alias, out var registration) ? registration.Alias + label[alias.Length..] : label;
    }

    private static PlanManifest Manifest(
        SuiteSummary summary, string convention, (int Resamples, int Seed) bootstrap, IReadOnlyList<Cell> cells, IReadOnlyList<PlannedMetric> metrics, Provenance provenance)
    {
        var summaries = metrics.Select(m => MetricSummary.Of(m.Plugin.Label, m.Plugin.Registration.Description, m.Info, m.Plugin.Registration.Assembly)).ToList();

        // Provenance stays out of the id: shards built from checkouts that differ only in, say, an untracked file still merge.
        // The anonymous members keep their names: they are the id's JSON keys.
        var id = ContentKey.Of(new { summary, convention, BootstrapResamples = bootstrap.Resamples, bootstrapSeed = bootstrap.Seed, cells = cells.Select(c => c.Key), metrics = summaries });
        return new PlanManifest(PlanManifest.CurrentFormat, id, summary, convention, bootstrap.Resamples, bootstrap.Seed, cells, summaries, provenance);
    }

    /// <summary>Everything besides the model that a cell's result depends on, including the harness's own build.</summary>
    private static object EvaluationIdentity(
        IReadOnlyList<ResolvedPlugin> calibrators, IReadOnlyList<ResolvedPlugin> predictors, IReadOnlyList<ResolvedPlugin> policies, IReadOnlyList<PlannedMetric> metrics, EvaluationSpec evaluation, MeasurementSpec measurement) => new
        {
            harness = ResolvedPlugin.Sha256Of(typeof(PlanBuilder).Assembly.Location),
            calibrators = calibrators.Select(c => new { c.Label, c.Identity }),
            predictors = predictors.Select(p => new { p.Label, p.Identity }),
            policies = policies.Select(p => new { p.Label, p.Identity }),
            metrics = metrics.Select(m => new { m.Plugin.Label, m.Plugin.Identity }),
            bins = evaluation.Bins,
            efficiency_bootstrap = evaluation.EfficiencyBootstrap,
            measurement,
        };

    /// <summary>Training (forward and backward, about 3× a forward), recording and evaluation, in GFLOP.</summary>
    private static double Estimate(ResolvedPlugin architecture, DatasetSplits splits, (int Train, int Evaluated, int Epochs) samples, int methods, ILogger logger)
    {
        var (trainCount, evaluated, epochs) = samples;
        try
        {
            // The architecture's analytic description: no model is built, so planning never loads libtorch.
            var stages = PluginCall.Run(architecture, "describe", () => architecture.Create<IEarlyExitArchitecture>(logger, "plan", 0).Describe(splits.Train.Input));
            var full = ExitCosts.FromStages(stages)[^1].Cost;
            var exits = stages.Count;
            return ((3.0 * full * trainCount * epochs) + (full * evaluated) + (50.0 * methods * exits * splits.Train.Input.Classes * evaluated)) / 1e9;
        }
        catch (PluginFailure failure)
        {
            // The cell will fail with this message when it runs; the plan only loses its estimate.
            logger.Warning(PluginTrace.Of(failure, logger), "Plan: cannot estimate the cost of {Architecture}: {Message}", architecture.Label, failure.Message);
            return 0;
        }
    }
}
