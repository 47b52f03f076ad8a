using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using EarlyExitBench.Harness.Cluster;
using EarlyExitBench.Harness.Storage;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Harness.Training;

namespace EarlyExitBench.Harness.Cli;

/// <summary><c>eebench slurm SUITE --shards N</c>: writes (and with <c>--submit</c> submits) an sbatch array job and its merge job.</summary>
internal static class SlurmCommand
{
    public static Command Create(CliIO io)
    {
        var suiteArgument = new Argument<string>("suite") { Description = "Suite YAML file" };
        var shards = new Option<int>("--shards") { Description = "Number of shards (array tasks)", Required = true };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition" };
        var time = new Option<string?>("--time") { Description = "Time limit per shard, e.g. 04:00:00" };
        var gpus = new Option<int?>("--gpus-per-task") { Description = "GPUs per shard (set device: cuda in the suite)" };
        var cpus = new Option<int?>("--cpus-per-task") { Description = "CPUs per shard (default: the suite's threads, else 1)" };
        var outDir = new Option<string?>("--out") { Description = "Base results folder on the shared filesystem (default: <suite output>/<suite name>)" };
        var cacheDir = CliSupport.CacheOption();
        var submit = new Option<bool>("--submit") { Description = "Submit with sbatch (the merge with --dependency=afterok on the shards)" };
        var command = new Command("slurm", "Write an sbatch array job over the suite's shards plus a merge job that depends on it")
        {
            suiteArgument, shards, partition, time, gpus, cpus, outDir, cacheDir, submit,
        };
        command.SetAction(parse => CliSupport.Guarded(parse, io, null, logger =>
        {
            var path = parse.GetValue(suiteArgument)!;
            var (suite, _) = CliSupport.LoadSuite(parse, path, logger);
            var count = parse.GetValue(shards);
            if (count < 1)
            {
                throw new FormatException($"--shards must be at least 1, got {count}");
            }

            var extra = new List<string>();
            if (parse.GetValue(cacheDir) is { } cache)
            {
                extra.AddRange(["--cache", Path.GetFullPath(cache)]);
            }

            foreach (var dir in parse.GetValue(CliSupport.PluginDirs) ?? [])
            {
                extra.AddRange(["--plugins", Path.GetFullPath(dir)]);
            }

            var job = new SlurmJob(
                path,
                count,
                Path.GetFullPath(parse.GetValue(outDir) ?? Path.Combine(suite.Output, suite.Name)),
                Environment.CurrentDirectory,
                SelfCommand(),
                extra,
                parse.GetValue(partition),
                parse.GetValue(time),
                parse.GetValue(gpus),
                parse.GetValue(cpus) ?? suite.Threads ?? 1);
            var shardScript = Path.Combine(job.ScriptFolder, "shards.sbatch");
            var mergeScript = Path.Combine(job.ScriptFolder, "merge.sbatch");
            var submitScript = Path.Combine(job.ScriptFolder, "submit.sh");
            AtomicFile.WriteAllText(shardScript, job.ShardScript());
            AtomicFile.WriteAllText(mergeScript, job.MergeScript());
            AtomicFile.WriteAllText(submitScript, job.SubmitScript());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(submitScript, File.GetUnixFileMode(submitScript) | UnixFileMode.UserExecute);
            }

            io.Out.WriteLine($"array job: {shardScript}");
            io.Out.WriteLine($"merge job: {mergeScript}");
            if (!parse.GetValue(submit))
            {
                io.Out.WriteLine($"submit both with: {submitScript}");
                return ExitCodes.Ok;
            }

            var shardJob = Sbatch(shardScript);
            var mergeJob = Sbatch($"--dependency=afterok:{shardJob}", mergeScript);
            io.Out.WriteLine($"submitted: shards job {shardJob} ({count} tasks), merge job {mergeJob} (after the shards succeed)");
            io.Out.WriteLine($"leaderboard when done: {Path.Combine(job.Output, "leaderboard.json")}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>How this very eebench is started: the apphost itself, or <c>dotnet eebench.dll</c>.</summary>
    private static string SelfCommand()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var entry = Assembly.GetEntryAssembly()?.Location;
        var dll = entry is { Length: > 0 } && entry.EndsWith("eebench.dll", StringComparison.Ordinal) ? entry : typeof(SlurmCommand).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? $"'{process}' '{dll}'" : $"'{process}'";
    }

    private static string Sbatch(params string[] args)
    {
        var start = new ProcessStartInfo("sbatch") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--parsable");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new EnvironmentException($"sbatch could not be started ({ex.Message}); is Slurm installed and on PATH?", ex);
        }

        using var process = started ?? throw new EnvironmentException("sbatch could not be started; is Slurm installed?");
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new EnvironmentException($"sbatch {string.Join(' ', args)} failed ({process.ExitCode}): {errors.Trim()}");
        }

        return output.Trim().Split(';')[0];
    }
}
