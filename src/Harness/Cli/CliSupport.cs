using System.CommandLine;
using System.Globalization;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Pipeline;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Harness.Training;
using Serilog;
using Spectre.Console;

namespace EarlyExitBench.Harness.Cli;

/// <summary>What the commands share: global options, error handling and exit codes, loading, printing.</summary>
internal static class CliSupport
{
    public static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Debug logging and stack traces", Recursive = true };
    public static readonly Option<string[]> PluginDirs = new("--plugins") { Description = "Extra plugin folder (repeatable)", Recursive = true, AllowMultipleArgumentsPerToken = true };

    public static Option<string?> CacheOption() => new("--cache") { Description = "Cache folder (default: $EEBENCH_CACHE or ~/.cache/eebench)" };

    /// <summary>The <c>--full-sweeps</c> switch of <c>run</c> and <c>evaluate</c>.</summary>
    public static Option<bool> FullSweepsOption() => new("--full-sweeps") { Description = "Also write every method's whole threshold sweep to cells/KEY.sweeps.npz (the leaderboard keeps the thinned Pareto front)" };

    /// <summary>Runs a command body, turning each kind of failure into its one-line message and exit code.</summary>
    public static int Guarded(ParseResult parse, CliIO io, string? logFile, Func<ILogger, int> action)
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
                io.Errors.WriteLine(error);
            }

            io.Errors.WriteLine($"eebench: {ex.Errors.Count} error(s); nothing was run");
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or DirectoryNotFoundException or FormatException or RunLockedException)
        {
            io.Errors.WriteLine($"eebench: {ex.Message}");
            LogDetail(logger, verbose, ex);
            return ExitCodes.BadInput;
        }
        catch (DownloadException ex)
        {
            io.Errors.WriteLine($"eebench: {ex.Message}");
            LogDetail(logger, verbose, ex);
            return ex.Network ? ExitCodes.Environment : ExitCodes.BadInput;
        }
        catch (EnvironmentException ex)
        {
            io.Errors.WriteLine($"eebench: {ex.Message}");
            LogDetail(logger, verbose, ex);
            return ExitCodes.Environment;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Reading problems arrive as InvalidDataException; what reaches here is a write that failed (full disk, permissions).
            io.Errors.WriteLine($"eebench: could not write results: {ex.Message.TrimEnd('.')}. Every cell finished before this is kept; free some space or choose another folder with --out, then run again to continue.");
            LogDetail(logger, verbose, ex);
            return ExitCodes.Environment;
        }
        catch (OperationCanceledException)
        {
            io.Errors.WriteLine("eebench: cancelled; every finished cell is kept and a rerun continues from there");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (!verbose)
        {
            io.Errors.WriteLine($"eebench: {ex.GetType().Name}: {ex.Message} (run with --verbose for the stack trace)");
            logger.Debug(ex, "Unhandled");
            return ExitCodes.PartialFailure;
        }
    }

    /// <summary>
    /// Reads, binds and validates the suite at <paramref name="path"/> with its plugins in one pass; every error at
    /// once (binding and plugin errors together) as a <see cref="SuiteException"/>.
    /// </summary>
    public static (Suite Suite, PluginCatalog Catalog) LoadSuite(ParseResult parse, string path, ILogger logger) => LoadSuite(parse, SuiteLoader.Read(path), logger);

    /// <summary>Binds and validates a suite file the command has already read, so it is parsed once.</summary>
    public static (Suite Suite, PluginCatalog Catalog) LoadSuite(ParseResult parse, SuiteReading reading, ILogger logger) =>
        SuiteValidator.LoadAndValidate(reading, folders => LoadCatalog(parse, folders, logger), r => r.AssemblyPath == PluginHost.BuiltInPath ? BuiltInDatasets.NominalInput(r.Alias) : null);

    /// <summary>The shipped plugins, the <c>--plugins</c> folders and <paramref name="extra"/>.</summary>
    public static PluginCatalog LoadCatalog(ParseResult parse, IEnumerable<string> extra, ILogger logger)
    {
        var dirs = PluginHost.DefaultDirectories().Concat(parse.GetValue(PluginDirs) ?? []).Concat(extra).ToList();
        foreach (var dir in (parse.GetValue(PluginDirs) ?? []).Concat(extra).Where(d => !Directory.Exists(d)))
        {
            throw new SuiteException([new SuiteError(SourceLocation.WholeFile(dir), "plugin folder not found")]);
        }

        foreach (var dir in EmptyPluginFolders(parse, extra))
        {
            logger.Warning("{Problem:l}", EmptyFolderProblem(dir));
        }

        return PluginHost.Load(dirs, logger, HostPlugins.Register);
    }

    /// <summary>The plugin folders asked for (<c>--plugins</c> and <paramref name="extra"/>) that hold no plugin within the search depth, as full paths.</summary>
    public static IReadOnlyList<string> EmptyPluginFolders(ParseResult parse, IEnumerable<string> extra) =>
        [.. (parse.GetValue(PluginDirs) ?? []).Concat(extra).Where(d => Directory.Exists(d) && !PluginHost.FindAssemblies(d).Any()).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)];

    /// <summary>What is wrong with a plugin folder that holds no plugin, and what to do.</summary>
    public static string EmptyFolderProblem(string folder) =>
        $"Plugin folder {folder} holds no plugin within {PluginHost.SearchDepth} folders down: a plugin is an X.dll beside its X.deps.json (the output of dotnet build or publish); point --plugins at that output folder or one above it";

    /// <summary>
    /// Every reason a plugin folder asked for did not give its plugins: a plugin that failed to load (with its fix), or a
    /// folder with none in it. <c>plugins</c> and <c>validate</c> exit 2 on any, so a plugin repository's CI can gate on them.
    /// </summary>
    public static IReadOnlyList<string> PluginFolderProblems(ParseResult parse, PluginCatalog catalog, IEnumerable<string> extra) =>
        [
            .. catalog.Failures.Select(f => $"failed to load {f.AssemblyPath}: {f.Reason}. Fix: {f.Fix}"),
            .. EmptyPluginFolders(parse, extra).Select(EmptyFolderProblem),
        ];

    /// <summary>A cancellation token that Ctrl+C cancels.</summary>
    public static CancellationTokenSource CancelOnCtrlC()
    {
        var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return cancel;
    }

    /// <summary>Prints the top entries, writes the report, and turns failures into exit code 1.</summary>
    public static int Finish(CliIO io, LeaderboardDocument document, string directory, ILogger logger, string? logFile)
    {
        PrintSummary(io.Out, document);
        io.Out.WriteLine($"leaderboard: {Path.Combine(directory, "leaderboard.json")}");
        WriteReport(io.Out, document, directory, logger);
        if (document.Failures.Count > 0)
        {
            io.Out.WriteLine($"{document.Failures.Count} failure(s); see 'failures' in the leaderboard{(logFile is null ? string.Empty : " and " + logFile)}");
            // A warning (a silent no-op calibrator) leaves every result in place: alone, it does not make the run partial.
            return document.Failures.All(f => f.Kind == Methods.SilentNoOp.Kind) ? ExitCodes.Ok : ExitCodes.PartialFailure;
        }

        return ExitCodes.Ok;
    }

    public static void Render(TextWriter stdout, Table table)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), Ansi = stdout == Console.Out ? AnsiSupport.Detect : AnsiSupport.No });
        console.Profile.Width = Math.Max(console.Profile.Width, 140);
        console.Write(table);
    }

    public static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static void PrintSummary(TextWriter stdout, LeaderboardDocument document)
    {
        foreach (var group in document.Groups)
        {
            var table = new Table().Title(Markup.Escape($"{group.Dataset} / {group.Architecture}"))
                .AddColumns("rank", "calibrator", "failure predictor", "efficiency", "95% interval", "acc@25%", "acc@50%", "acc@100%", "last-exit ECE", "mean AUROC");
            foreach (var e in group.Entries.Take(10))
            {
                var auroc = e.PerExit.Select(p => p.Auroc).OfType<double>().DefaultIfEmpty(double.NaN).Average();
                table.AddRow(
                    e.Rank.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(e.Calibrator),
                    Markup.Escape(e.FailurePredictor),
                    F(e.Efficiency.Score),
                    e.Efficiency.ScoreCi is { } ci ? Markup.Escape($"[{F(ci[0])}, {F(ci[1])}]{(e.Rank > 1 && e.Efficiency.TiedWithLeader == true ? " tied" : string.Empty)}") : "–",
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
            stdout.WriteLine($"report: {Reporting.ReportWriter.Write(document, directory)} and {Path.Combine(directory, Reporting.ReportWriter.HtmlFile)}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The leaderboard is already written; a report that fails (e.g. no fonts for plots) must not lose it.
            logger.Warning("Could not write the report in {Directory}: {Message}", directory, ex.Message);
        }
    }

    private static void LogDetail(ILogger logger, bool verbose, Exception ex)
    {
        if (verbose)
        {
            logger.Error(ex, "Details");
        }
    }
}
