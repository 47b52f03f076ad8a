using System.CommandLine;
using EarlyExitBench.Harness.Pipeline;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Harness.Training;

namespace EarlyExitBench.Harness.Cli;

/// <summary><c>eebench run SUITE [--shard i/n]</c>: the cells of a suite (or of one shard), then the leaderboard and report.</summary>
internal static class RunCommand
{
    public static Command Create(CliIO io)
    {
        var suiteArgument = new Argument<string>("suite") { Description = "Suite YAML file, e.g. suites/fashion-mnist.yaml" };
        var noCache = new Option<bool>("--no-cache") { Description = "Retrain, re-record and re-evaluate even when cached or finished" };
        var cacheDir = CliSupport.CacheOption();
        var outDir = new Option<string?>("--out") { Description = "Results folder (default: <suite output>/<suite name>, or .../shard-I-of-N with --shard)" };
        var shard = new Option<string?>("--shard") { Description = "Run only shard I of N (1-based), e.g. --shard 2/3; merge the folders with 'eebench merge'" };
        var fullSweeps = CliSupport.FullSweepsOption();
        var command = new Command("run", "Train or load models, evaluate every method, write the leaderboard") { suiteArgument, noCache, cacheDir, outDir, shard, fullSweeps };
        command.SetAction(parse =>
        {
            // Read and parsed once: the output folder (for the log file) comes from it before validation, which reuses it.
            var reading = SuiteLoader.Read(parse.GetValue(suiteArgument)!);
            var suite = reading.Errors.Count == 0 ? reading.Suite : null;
            string? folder = null, logFile = null, outputProblem = null;
            try
            {
                if (suite is not null)
                {
                    folder = OutputFolder(suite, parse.GetValue(outDir), parse.GetValue(shard));
                    outputProblem = OutputCheck.Problem(folder);
                    logFile = outputProblem is null ? Path.Combine(folder, "logs", $"run-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.json") : null;
                }
            }
            catch (FormatException)
            {
                // A bad --shard; reported, with the suite's errors, inside Guarded below.
            }

            return CliSupport.Guarded(parse, io, logFile, logger =>
            {
                (suite, var catalog) = CliSupport.LoadSuite(parse, reading, logger);
                var part = parse.GetValue(shard) is { } s ? Shard.Parse(s) : Shard.All;
                folder ??= OutputFolder(suite, parse.GetValue(outDir), parse.GetValue(shard));
                // Probed before the logger opens its file there; again here only when that probe did not run.
                if ((outputProblem ?? (logFile is null ? OutputCheck.Problem(folder) : null)) is { } problem)
                {
                    throw new EnvironmentException(problem);
                }

                logger.Information("Suite: {Suite}", ValidateCommand.Describe(suite));
                using var cancel = CliSupport.CancelOnCtrlC();
                var plan = PlanBuilder.FromSuite(suite, catalog, logger, cancel.Token);
                var options = new RunOptions(parse.GetValue(cacheDir) ?? ModelCache.DefaultRoot(), !parse.GetValue(noCache), folder, io.CommandLine, part, parse.GetValue(fullSweeps));
                var document = new SuiteRunner(plan, options, logger, new ConsoleProgress()).Run(cancel.Token);
                return CliSupport.Finish(io, document, folder, logger, logFile);
            });
        });
        return command;
    }

    /// <summary><c>--out</c>, else the suite's <c>output/name</c>, with <c>shard-I-of-N</c> below it for a shard.</summary>
    public static string OutputFolder(Suite suite, string? outOption, string? shardOption)
    {
        if (outOption is not null)
        {
            return outOption;
        }

        var root = Path.Combine(suite.Output, suite.Name);
        return shardOption is null ? root : Path.Combine(root, ShardFolder(Shard.Parse(shardOption)));
    }

    /// <summary>The folder name of one shard's results.</summary>
    public static string ShardFolder(Shard shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        return $"shard-{shard.Index}-of-{shard.Count}";
    }
}
