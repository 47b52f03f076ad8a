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

        var (code, stdout, stderr) = InProcess.Run("run", Path.Combine(TestPaths.RepoRoot, "suites", "fashion-mnist.yaml"), "--out", output, "--cache", Path.Combine(dir, "cache"));

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

        var (code, _, stderr) = InProcess.Run("run", suite, "--out", Path.Combine(dir, "a-file", "results"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("unknown architecture 'branchy-lenett'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AWriteThatFailsAfterTrainingExits3NamingThePath()
    {
        // The output folder passes the up-front probe, but its 'cells' folder is a file: the first cell result cannot be
        // written, after training, as on a disk that fills up mid-run (the README shows a real full tmpfs).
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
        File.WriteAllText(Path.Combine(output, "cells"), "in the way");

        var (code, _, stderr) = InProcess.Run("run", suite, "--out", output, "--cache", Path.Combine(dir, "cache"));

        Assert.Equal(ExitCodes.Environment, code);
        var line = Assert.Single(stderr.Split('\n'), l => l.StartsWith("eebench: ", StringComparison.Ordinal));
        Assert.StartsWith("eebench: could not write results: ", line, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(output, "cells"), line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(dir, "cache")), "the failure came after training, not before");
    }
}
