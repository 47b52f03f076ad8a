using EarlyExitBench.Harness.Cluster;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Cluster;

/// <summary>The generated sbatch scripts, run by bash as Slurm would run them, with a stand-in eebench that records its arguments.</summary>
public class SlurmJobTests
{
    private static (SlurmJob Job, string Dir, string Arguments) Job(int exitCode)
    {
        var dir = TestPaths.TempDirectory();
        var arguments = Path.Combine(dir, "arguments.txt");
        var fake = Path.Combine(dir, "fake eebench");
        File.WriteAllText(fake, $"#!/bin/bash\nprintf '%s\\n' \"$PWD\" \"$@\" > '{arguments}'\nexit {exitCode}\n");
        var job = new SlurmJob("suites/my suite.yaml", 3, Path.Combine(dir, "out"), dir, $"'/bin/bash' '{fake}'", ["--cache", "/shared/cache"], null, null, null, 2);
        Directory.CreateDirectory(job.ScriptFolder);
        return (job, dir, arguments);
    }

    private static ProcessResult RunTask(string script, string dir, int taskId)
    {
        var path = Path.Combine(dir, "task.sbatch");
        File.WriteAllText(path, script);
        var environment = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = taskId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return ChildProcess.Run(ChildProcess.StartInfo("bash", [path], "/", environment), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void ArrayTaskIdZeroBasedRunsTheOneBasedShardIntoItsOwnFolder()
    {
        var (job, dir, arguments) = Job(exitCode: 0);

        var result = RunTask(job.ShardScript(), dir, taskId: 1);

        Assert.True(result.Code == 0, result.ToString());
        Assert.Equal(
            [dir, "run", "suites/my suite.yaml", "--shard", "2/3", "--out", Path.Combine(dir, "out", "shard-2-of-3"), "--cache", "/shared/cache"],
            File.ReadAllLines(arguments));
        Assert.Contains("#SBATCH --array=0-2", job.ShardScript(), StringComparison.Ordinal);
        Assert.Contains("#SBATCH --cpus-per-task=2", job.ShardScript(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)] // plugin failures: kept in the cell results and listed by the merge, which must still run
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(130, 130)]
    public void OnlyAPartialFailureOfAShardLetsTheMergeRun(int eebenchExit, int taskExit)
    {
        var (job, dir, _) = Job(eebenchExit);

        Assert.Equal(taskExit, RunTask(job.ShardScript(), dir, taskId: 0).Code);
    }

    [Fact]
    public void TheMergeReadsEveryShardFolderAndWritesTheBaseFolder()
    {
        var (job, dir, arguments) = Job(exitCode: 0);

        var result = RunTask(job.MergeScript(), dir, taskId: 0);

        Assert.True(result.Code == 0, result.ToString());
        var output = Path.Combine(dir, "out");
        Assert.Equal(
            [dir, "merge", .. Enumerable.Range(1, 3).Select(i => Path.Combine(output, $"shard-{i}-of-3")), "--out", output],
            File.ReadAllLines(arguments));
    }
}
