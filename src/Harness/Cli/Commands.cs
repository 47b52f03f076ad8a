using System.CommandLine;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Pipeline;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Harness.Training;
using Serilog;
using Spectre.Console;

namespace EarlyExitBench.Harness.Cli;

/// <summary>The <c>eebench</c> command line: plugins, validate, run, evaluate.</summary>
public static class Commands
{
    private static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Debug logging and stack traces", Recursive = true };
    private static readonly Option<string[]> PluginDirs = new("--plugins") { Description = "Extra plugin folder (repeatable)", Recursive = true, AllowMultipleArgumentsPerToken = true };

    /// <summary>Runs the CLI; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter? output = null)
    {
        var stdout = output ?? Console.Out;
        var root = new RootCommand("EarlyExitBench: does calibration or failure prediction predict early-exit efficiency?");
        root.Options.Add(Verbose);
        root.Options.Add(PluginDirs);
        root.Subcommands.Add(PluginsCommand(stdout));
        root.Subcommands.Add(ValidateCommand(stdout));
        root.Subcommands.Add(RunCommand(stdout, args));
        root.Subcommands.Add(EvaluateCommand(stdout, args));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"eebench: {parse.Errors[0].Message} (see eebench --help)");
            return ExitCodes.BadInput;
        }

        return parse.Invoke();
    }

    private static Command PluginsCommand(TextWriter stdout)
    {
        var command = new Command("plugins", "List plugin kinds, aliases, assemblies and versions");
        command.SetAction(parse => Guarded(parse, null, logger =>
        {
            var catalog = LoadCatalog(parse, [], logger);
            var table = new Table().AddColumns("kind", "alias", "assembly", "description");
            foreach (var kind in PluginKinds.All)
            {
                foreach (var r in catalog[kind].Entries)
                {
                    table.AddRow(Markup.Escape(PluginKinds.Describe(kind)), Markup.Escape(r.Alias), Markup.Escape(r.Assembly), Markup.Escape(r.Description));
                }
            }

            Render(stdout, table);
            foreach (var failure in catalog.Failures)
            {
                stdout.WriteLine($"failed to load {failure.AssemblyPath}: {failure.Reason}. Fix: {failure.Fix}");
            }

            foreach (var error in catalog.Errors)
            {
                stdout.WriteLine($"error: {error}");
            }

            return catalog.Errors.Count > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
        }));
        return command;
    }

    private static Command ValidateCommand(TextWriter stdout)
    {
        var suiteArgument = new Argument<string>("suite") { Description = "Suite YAML file" };
        var command = new Command("validate", "Check a suite: YAML, keys, values, plugin aliases and options") { suiteArgument };
        command.SetAction(parse => Guarded(parse, null, logger =>
        {
            var (suite, _) = LoadSuite(parse, parse.GetValue(suiteArgument)!, logger);
            stdout.WriteLine($"{suite.SourcePath}: ok — {Plan(suite)}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command RunCommand(TextWriter stdout, string[] args)
    {
        var suiteArgument = new Argument<string>("suite") { Description = "Suite YAML file, e.g. suites/fashion-mnist.yaml" };
        var noCache = new Option<bool>("--no-cache") { Description = "Retrain and re-record even when a cached model exists" };
        var cacheDir = new Option<string?>("--cache") { Description = "Cache folder (default: $EEBENCH_CACHE or ~/.cache/eebench)" };
        var outDir = new Option<string?>("--out") { Description = "Results folder (default: <suite output>/<suite name>)" };
        var command = new Command("run", "Train or load models, evaluate every method, write the leaderboard") { suiteArgument, noCache, cacheDir, outDir };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(suiteArgument)!;
            string? logFile = null;
            try
            {
                var peek = SuiteLoader.Load(path);
                var folder = parse.GetValue(outDir) ?? Path.Combine(peek.Output, peek.Name);
                logFile = Path.Combine(folder, "logs", $"run-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
            }
            catch (SuiteException)
            {
                // Reported with every error by LoadSuite below.
            }

            return Guarded(parse, logFile, logger =>
            {
                var (suite, catalog) = LoadSuite(parse, path, logger);
                logger.Information("Plan: {Plan}", Plan(suite));
                var options = new RunOptions(parse.GetValue(cacheDir) ?? ModelCache.DefaultRoot(), !parse.GetValue(noCache), parse.GetValue(outDir), "eebench " + string.Join(' ', args));
                using var cancel = new CancellationTokenSource();
                Console.CancelKeyPress += (_, e) =>
                {
                    e.Cancel = true;
                    cancel.Cancel();
                };
                var runner = new SuiteRunner(suite, catalog, options, logger, new ConsoleProgress());
                var document = runner.Run(cancel.Token);
                var leaderboard = Path.Combine(runner.OutputDirectory, "leaderboard.json");
                PrintSummary(stdout, document);
                stdout.WriteLine($"leaderboard: {leaderboard}");
                WriteReport(stdout, document, runner.OutputDirectory, logger);
                if (document.Failures.Count > 0)
                {
                    stdout.WriteLine($"{document.Failures.Count} plugin call(s) failed; see 'failures' in the leaderboard and {logFile}");
                    return ExitCodes.PartialFailure;
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command EvaluateCommand(TextWriter stdout, string[] args)
    {
        var bundle = new Option<string>("--bundle") { Description = "Logits bundle (.npz): val_logits, val_labels, test_logits, test_labels, exit_cost", Required = true };
        var calibrators = new Option<string>("--calibrators") { Description = "Comma-separated calibrator aliases", DefaultValueFactory = _ => "identity,temperature" };
        var predictors = new Option<string>("--failure-predictors") { Description = "Comma-separated failure predictor aliases", DefaultValueFactory = _ => "msp,entropy" };
        var outDir = new Option<string>("--out") { Description = "Results folder", DefaultValueFactory = _ => "results/evaluate" };
        var bins = new Option<int>("--bins") { Description = "ECE bins", DefaultValueFactory = _ => 15 };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples for proxy correlations", DefaultValueFactory = _ => 1000 };
        var command = new Command("evaluate", "Evaluate a model trained elsewhere from its logits bundle") { bundle, calibrators, predictors, outDir, bins, bootstrap };
        command.SetAction(parse => Guarded(parse, null, logger =>
        {
            var catalog = LoadCatalog(parse, [], logger);
            var file = parse.GetValue(bundle)!;
            var loaded = BundleFile.Read(file);
            var yaml = $"name: evaluate\ndatasets: [{{alias: fashion-mnist}}]\narchitectures: [bundle]\ncalibrators: [{parse.GetValue(calibrators)}]\nfailure_predictors: [{parse.GetValue(predictors)}]\nevaluation: {{bins: {parse.GetValue(bins)}, bootstrap: {parse.GetValue(bootstrap)}}}\n";
            var suite = SuiteLoader.Parse(yaml, "command line", Environment.CurrentDirectory);
            var resolve = (PluginSpec s, PluginKind k) =>
            {
                var (registration, options) = SuiteValidator.Resolve(s with { Location = new SourceLocation("command line", 1, 1) }, k, catalog);
                return new ResolvedPlugin(s.Alias, registration, options);
            };
            var cals = suite.Calibrators.Select(s => resolve(s, PluginKind.Calibrator)).ToList();
            var preds = suite.FailurePredictors.Select(s => resolve(s, PluginKind.FailurePredictor)).ToList();
            var document = BundleEvaluation.Evaluate(loaded, file, cals, preds, suite.Evaluation, "eebench " + string.Join(' ', args), logger);
            var path = Path.Combine(parse.GetValue(outDir)!, "leaderboard.json");
            LeaderboardWriter.Write(path, document);
            PrintSummary(stdout, document);
            stdout.WriteLine($"leaderboard: {path}");
            WriteReport(stdout, document, parse.GetValue(outDir)!, logger);
            return document.Failures.Count > 0 ? ExitCodes.PartialFailure : ExitCodes.Ok;
        }));
        return command;
    }

    private static string Plan(Suite suite) =>
        $"{suite.Datasets.Count} dataset(s) × {suite.Architectures.Count} architecture(s) × {suite.Seeds.Count} seed(s); "
        + $"{suite.Calibrators.Count} calibrator(s) × {suite.FailurePredictors.Count} failure predictor(s); "
        + $"training {suite.Training.Epochs} epoch(s) of {suite.Training.Optimizer}, batch {suite.Training.BatchSize}; device {suite.Device}";

    private static (Suite Suite, PluginCatalog Catalog) LoadSuite(ParseResult parse, string path, ILogger logger)
    {
        var suite = SuiteLoader.Load(path);
        var catalog = LoadCatalog(parse, suite.PluginDirectories, logger);
        var errors = SuiteValidator.Validate(suite, catalog);
        if (errors.Count > 0)
        {
            throw new SuiteException(errors);
        }

        return (suite, catalog);
    }

    private static PluginCatalog LoadCatalog(ParseResult parse, IEnumerable<string> extra, ILogger logger)
    {
        var dirs = PluginHost.DefaultDirectories().Concat(parse.GetValue(PluginDirs) ?? []).Concat(extra).ToList();
        foreach (var dir in (parse.GetValue(PluginDirs) ?? []).Concat(extra).Where(d => !Directory.Exists(d)))
        {
            throw new SuiteException([new SuiteError(new SourceLocation(dir, 1, 1), "plugin folder not found")]);
        }

        return PluginHost.Load(dirs, logger, BuiltInDatasets.Register);
    }

    private static int Guarded(ParseResult parse, string? logFile, Func<ILogger, int> action)
    {
        var verbose = parse.GetValue(Verbose);
        using var logger = Logging.Create(verbose, logFile);
        try
        {
            return action(logger);
        }
        catch (SuiteException ex)
        {
            foreach (var error in ex.Errors)
            {
                Console.Error.WriteLine(error);
            }

            Console.Error.WriteLine($"eebench: {ex.Errors.Count} error(s); nothing was run");
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine($"eebench: {ex.Message}");
            LogDetail(logger, verbose, ex);
            return ExitCodes.BadInput;
        }
        catch (EnvironmentException ex)
        {
            Console.Error.WriteLine($"eebench: {ex.Message}");
            LogDetail(logger, verbose, ex);
            return ExitCodes.Environment;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("eebench: cancelled; the leaderboard holds every cell that finished");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (!verbose)
        {
            Console.Error.WriteLine($"eebench: {ex.GetType().Name}: {ex.Message} (run with --verbose for the stack trace)");
            logger.Debug(ex, "Unhandled");
            return ExitCodes.PartialFailure;
        }
    }

    private static void LogDetail(ILogger logger, bool verbose, Exception ex)
    {
        if (verbose)
        {
            logger.Error(ex, "Details");
        }
    }

    private static void PrintSummary(TextWriter stdout, LeaderboardDocument document)
    {
        foreach (var group in document.Groups)
        {
            var table = new Table().Title(Markup.Escape($"{group.Dataset} / {group.Architecture}"))
                .AddColumns("rank", "calibrator", "failure predictor", "efficiency", "acc@25%", "acc@50%", "acc@100%", "last-exit ECE", "mean AUROC");
            foreach (var e in group.Entries.Take(10))
            {
                var auroc = e.PerExit.Select(p => p.Auroc).OfType<double>().DefaultIfEmpty(double.NaN).Average();
                table.AddRow(
                    e.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(e.Calibrator),
                    Markup.Escape(e.FailurePredictor),
                    F(e.Efficiency.Score),
                    F(e.Efficiency.AccuracyAtBudget["0.25"]),
                    F(e.Efficiency.AccuracyAtBudget["0.5"]),
                    F(e.Efficiency.AccuracyAtBudget["1.0"]),
                    F(e.PerExit[^1].Ece),
                    F(auroc));
            }

            Render(stdout, table);
        }
    }

    private static void WriteReport(TextWriter stdout, LeaderboardDocument document, string directory, ILogger logger)
    {
        try
        {
            stdout.WriteLine($"report: {Reporting.ReportWriter.Write(document, directory)}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The leaderboard is already written; a report that fails (e.g. no fonts for plots) must not lose it.
            logger.Warning("Could not write the report in {Directory}: {Message}", directory, ex.Message);
        }
    }

    private static string F(double value) => value.ToString("F4", System.Globalization.CultureInfo.InvariantCulture);

    private static void Render(TextWriter stdout, Table table)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), Ansi = stdout == Console.Out ? AnsiSupport.Detect : AnsiSupport.No });
        console.Profile.Width = Math.Max(console.Profile.Width, 140);
        console.Write(table);
    }
}
