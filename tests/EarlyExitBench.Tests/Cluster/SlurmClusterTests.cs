using System.Diagnostics;
using System.Text.RegularExpressions;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Cluster;

/// <summary>
/// <c>eebench slurm --submit</c> on a real single-node Slurm started by the test: three shards as an array job and the
/// merge after them must give the leaderboard of one unsharded run. Needs root and the Debian packages slurm-wlm and
/// munge (./test.sh installs them); without them it fails and says so, it never skips.
/// </summary>
public sealed partial class SlurmClusterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan JobsTimeout = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    // Real Fashion-MNIST, cut down so each cell trains in seconds; three seeds are three cells, one per shard.
    private const string Suite = """
        name: slurm-tiny
        seeds: [0, 1, 2]
        device: cpu
        threads: 1
        datasets:
          - alias: fashion-mnist
            options: { path: /usr/share/datasets/fashion-mnist }
            validation_size: 500
            train_limit: 2000
            test_limit: 1000
        architectures:
          - alias: branchy-lenet
            options: { channels: [8, 16], head_grid: 2 }
        training: { epochs: 1, batch_size: 32, learning_rate: 0.01 }
        calibrators: [identity, temperature]
        failure_predictors: [msp, entropy]
        evaluation: { bootstrap: 50 }
        measurement: { samples: 32, batch_sizes: [1, 8], max_seconds: 0.05 }
        """;

    [Fact]
    public void ThreeShardsAndTheMergeOnSlurmGiveTheLeaderboardOfOneUnshardedRun()
    {
        var watch = Stopwatch.StartNew();
        var dir = TestPaths.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "suite.yaml"), Suite);
        var sharded = Path.Combine(dir, "sharded");
        using var cluster = SlurmCluster.Start(Path.Combine(dir, "cluster"), output.WriteLine);

        var submit = Eebench.Run(
            ["slurm", "suite.yaml", "--shards", "3", "--out", sharded, "--cache", Path.Combine(dir, "cache"), "--submit"], workingDirectory: dir, timeout: CommandTimeout, environment: cluster.Environment);
        Assert.True(submit.ExitCode == 0, $"eebench slurm exited {submit.ExitCode}\n{submit.Output}\n{submit.Errors}");
        output.WriteLine(submit.Output);
        output.WriteLine("--- shards.sbatch ---\n" + File.ReadAllText(Path.Combine(sharded, "slurm", "shards.sbatch")));
        output.WriteLine("--- merge.sbatch ---\n" + File.ReadAllText(Path.Combine(sharded, "slurm", "merge.sbatch")));
        var ids = SubmittedJobs().Match(submit.Output);
        Assert.True(ids.Success, "no job ids in: " + submit.Output);
        var (shardJob, mergeJob) = (ids.Groups[1].Value, ids.Groups[2].Value);

        var jobs = cluster.WaitForJobs([shardJob, mergeJob], JobsTimeout, () => JobLogs(sharded));
        output.WriteLine($"scontrol -o show job {shardJob} / {mergeJob} (selected fields):\n{string.Join('\n', jobs.Select(j => j.Summary))}");
        output.WriteLine($"job completion log {cluster.CompletionLog}:\n{File.ReadAllText(cluster.CompletionLog)}");
        var tasks = jobs.Where(j => j.JobId != mergeJob).ToList();
        Assert.Equal(["0", "1", "2"], tasks.Select(t => t.ArrayTaskId).Order());
        Assert.All(jobs, j => Assert.True(j.State == "COMPLETED" && j.ExitCode == "0:0", j.Line + "\n" + JobLogs(sharded)));
        Assert.Single(jobs, j => j.JobId == mergeJob);

        // Each shard ran exactly one of the three cells, and the merge holds all three.
        var shardCells = Enumerable.Range(1, 3).Select(i => Cells(Path.Combine(sharded, $"shard-{i}-of-3"))).ToList();
        Assert.All(shardCells, cells => Assert.Single(cells));
        Assert.Equal(shardCells.SelectMany(c => c).Order(StringComparer.Ordinal), Cells(sharded));
        Assert.Equal(3, Cells(sharded).Count);

        var single = Eebench.Run(["run", "suite.yaml", "--out", Path.Combine(dir, "single"), "--cache", Path.Combine(dir, "cache2")], workingDirectory: dir, timeout: CommandTimeout);
        Assert.True(single.ExitCode == 0, $"eebench run exited {single.ExitCode}\n{single.Output}\n{single.Errors}");
        var diff = Diff(dir, Path.Combine(sharded, "leaderboard.json"), Path.Combine(dir, "single", "leaderboard.json"));
        output.WriteLine($"{diff.Command} (exit {diff.Code}):\n{diff.Out}");
        Assert.True(diff.Code == 0, diff.ToString());
        output.WriteLine($"wall time: {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>The cell keys finished in a result folder.</summary>
    private static IReadOnlyList<string> Cells(string folder) =>
        Directory.EnumerateFiles(Path.Combine(folder, "cells"), "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <summary><c>diff -u</c> of the two leaderboards without <c>environment</c> and <c>timing</c>, written out one key per line.</summary>
    private static ProcessResult Diff(string dir, string sharded, string single)
    {
        var a = Path.Combine(dir, "sharded.normalised.json");
        var b = Path.Combine(dir, "single.normalised.json");
        File.WriteAllText(a, Eebench.Deterministic(sharded));
        File.WriteAllText(b, Eebench.Deterministic(single));
        return ChildProcess.Run("diff", "-u", a, b);
    }

    /// <summary>The tasks' and the merge's stdout and stderr (their <c>#SBATCH --output</c> files).</summary>
    private static string JobLogs(string sharded)
    {
        var folder = Path.Combine(sharded, "slurm");
        return string.Join('\n', Directory.EnumerateFiles(folder, "*.out").Order(StringComparer.Ordinal)
            .Select(f => $"--- {f} ---\n{string.Join('\n', File.ReadAllLines(f).TakeLast(30))}"));
    }

    [GeneratedRegex(@"shards job (\d+) .*merge job (\d+)")]
    private static partial Regex SubmittedJobs();
}
