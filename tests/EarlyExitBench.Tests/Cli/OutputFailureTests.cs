using EarlyExitBench.Harness.Cli;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Cli;

/// <summary>Results that cannot be written: a clear line and exit code 3, never a stack trace.</summary>
[Collection("Console")]
public class OutputFailureTests
{
    [Fact]
    public void AnOutputFolderThatCannotBeCreatedExits3BeforeAnyWork()
    {
        var dir = TestPaths.TempDirectory();
        var blocker = Path.Combine(dir, "a-file");
        File.WriteAllText(blocker, "in the way");
        var output = Path.Combine(blocker, "results");

        var (code, stdout, stderr) = CliRunner.Run("run", Path.Combine(TestPaths.RepoRoot, "suites", "fashion-mnist.yaml"), "--out", output, "--cache", Path.Combine(dir, "cache"));

        Assert.Equal(ExitCodes.Environment, code);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"eebench: cannot create the output folder {output}: {blocker} is a file. Choose another folder with --out or the suite's output:", line.Trim());
        Assert.False(Directory.Exists(Path.Combine(dir, "cache")), "nothing may be trained or cached when the results cannot be written");
    }

    [Fact]
    public void ABadSuiteIsReportedBeforeAnUnwritableOutputFolder()
    {
        var dir = TestPaths.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "a-file"), string.Empty);
        var suite = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(suite, "name: bad\ndatasets: [fashion-mnist]\narchitectures: [branchy-lenett]\n");

        var (code, _, stderr) = CliRunner.Run("run", suite, "--out", Path.Combine(dir, "a-file", "results"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("unknown architecture 'branchy-lenett'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AFullDiskMidRunExits3NamingTheFile()
    {
        // /dev/full fails every write with ENOSPC: the leaderboard's temp file pointing there is a disk that fills mid-run.
        Assert.True(File.Exists("/dev/full"), "this test needs Linux's /dev/full");
        var dir = TestPaths.TempDirectory();
        var data = SyntheticIdx.Write(Path.Combine(dir, "data"), train: 300, test: 100);
        var suite = Path.Combine(dir, "tiny.yaml");
        File.WriteAllText(suite, $"""
            name: tiny
            threads: 1
            datasets:
              - alias: fashion-mnist
                options:
                  path: {data}
                validation_size: 100
            architectures:
              - alias: branchy-lenet
                options:
                  channels: [4, 8]
                  head_grid: 2
            training:
              epochs: 1
              batch_size: 64
            evaluation:
              bootstrap: 10
            """);
        var output = Path.Combine(dir, "out");
        Directory.CreateDirectory(output);
        File.CreateSymbolicLink(Path.Combine(output, "leaderboard.json.tmp"), "/dev/full");

        var (code, _, stderr) = CliRunner.Run("run", suite, "--out", output, "--cache", Path.Combine(dir, "cache"));

        Assert.Equal(ExitCodes.Environment, code);
        Assert.Contains($"eebench: could not write results: No space left on device : '{Path.Combine(output, "leaderboard.json.tmp")}'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
