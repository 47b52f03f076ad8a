using System.CommandLine;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Pipeline;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Harness.Training;

namespace EarlyExitBench.Harness.Cli;

/// <summary><c>eebench evaluate --bundle FILE</c>: a plan of one bring-your-own-logits cell, through the same pipeline as <c>run</c>.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliIO io)
    {
        var bundle = new Option<string>("--bundle") { Description = "Logits bundle (.npz): val_logits, val_labels, test_logits, test_labels, exit_cost", Required = true };
        var calibrators = new Option<string>("--calibrators") { Description = "Comma-separated calibrator aliases", DefaultValueFactory = _ => "identity,temperature" };
        var predictors = new Option<string>("--failure-predictors") { Description = "Comma-separated failure predictor aliases", DefaultValueFactory = _ => "msp,entropy" };
        var outDir = new Option<string>("--out") { Description = "Results folder", DefaultValueFactory = _ => "results/evaluate" };
        var bins = new Option<int>("--bins") { Description = "ECE bins", DefaultValueFactory = _ => 15 };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples for proxy correlations", DefaultValueFactory = _ => 1000 };
        var fullSweeps = CliSupport.FullSweepsOption();
        var efficiencyBootstrap = new Option<int>("--efficiency-bootstrap")
        {
            Description = "Bootstrap resamples of the test samples for each efficiency score's interval (0: none)",
            DefaultValueFactory = _ => EvaluationSpec.DefaultEfficiencyBootstrap,
        };
        var pluginTimeout = new Option<double>("--plugin-timeout")
        {
            Description = "Time limit in seconds of each calibrator, failure-predictor and metric plugin call; a call past it fails its methods",
            DefaultValueFactory = _ => EvaluationSpec.DefaultPluginTimeoutSeconds,
        };
        var command = new Command("evaluate", "Evaluate a model trained elsewhere from its logits bundle") { bundle, calibrators, predictors, outDir, bins, bootstrap, efficiencyBootstrap, pluginTimeout, fullSweeps };
        command.SetAction(parse => CliSupport.Guarded(parse, io, null, logger =>
        {
            var file = parse.GetValue(bundle)!;

            // Shapes, labels and costs are checked first: a bad bundle is reported before anything else is started.
            var loaded = BundleFile.ReadSummary(file);

            // Then the two long reads of the file overlap with loading the plugins and making the plan: its SHA-256, for
            // the provenance, and the logits, which the cell takes when it starts.
            ResolvedPlugin.PrefetchSha256(Path.GetFullPath(file));
            using var prefetch = BundlePrefetch.Start(file);
            var catalog = CliSupport.LoadCatalog(parse, [], logger);
            var resamples = parse.GetValue(efficiencyBootstrap);
            if (resamples is < 0 or > 100_000)
            {
                throw new FormatException($"--efficiency-bootstrap must be between 0 and 100000, got {resamples}");
            }

            var timeout = parse.GetValue(pluginTimeout);
            if (!(timeout is >= EvaluationSpec.MinPluginTimeoutSeconds and <= EvaluationSpec.MaxPluginTimeoutSeconds))
            {
                throw new FormatException($"--plugin-timeout must be between {EvaluationSpec.MinPluginTimeoutSeconds} and {EvaluationSpec.MaxPluginTimeoutSeconds} seconds, got {timeout}");
            }

            var evaluation = new EvaluationSpec(parse.GetValue(bins), parse.GetValue(bootstrap), resamples, timeout);
            var plan = PlanBuilder.FromBundle(
                file,
                loaded,
                new MethodPlugins(
                    Resolve(parse.GetValue(calibrators)!, "--calibrators", PluginKind.Calibrator, catalog, logger),
                    Resolve(parse.GetValue(predictors)!, "--failure-predictors", PluginKind.FailurePredictor, catalog, logger)),
                evaluation,
                catalog,
                logger);
            var folder = parse.GetValue(outDir)!;

            // Evaluation is all the work here, so a finished cell is recomputed rather than reused.
            var options = new RunOptions(ModelCache.DefaultRoot(), UseCache: false, folder, io.CommandLine, Shard.All, parse.GetValue(fullSweeps), prefetch);
            var document = new SuiteRunner(plan, options, logger, new NoProgress()).Run(CancellationToken.None);
            return CliSupport.Finish(io, document, folder, logger, null);
        }));
        return command;
    }

    /// <summary>Resolves comma-separated aliases; every unknown alias or bad option is reported at once.</summary>
    private static IReadOnlyList<ResolvedPlugin> Resolve(string list, string option, PluginKind kind, PluginCatalog catalog, Serilog.ILogger logger)
    {
        var specs = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((alias, i) => new PluginSpec(alias, new System.Text.Json.Nodes.JsonObject(), new SourceLocation(option, 1, i + 1), new SourceLocation(option, 1, i + 1)))
            .ToList();
        var errors = new List<SuiteError>();
        foreach (var spec in specs)
        {
            try
            {
                SuiteValidator.Resolve(spec, kind, catalog);
            }
            catch (SuiteException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        if (errors.Count > 0)
        {
            throw new SuiteException(errors);
        }

        return PlanBuilder.Resolve(specs, kind, catalog, logger);
    }
}
