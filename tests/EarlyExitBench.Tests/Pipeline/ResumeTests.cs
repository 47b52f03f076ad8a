using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Pipeline;

/// <summary>
/// A run killed with SIGKILL at any stage and started again ends with the leaderboard of an uninterrupted run, byte for
/// byte outside <c>environment</c> and <c>timing</c>, and redoes only the unfinished work.
/// </summary>
public class ResumeTests(ResumeTests.Reference reference, ITestOutputHelper output) : IClassFixture<ResumeTests.Reference>
{
    /// <summary>The suite and the leaderboard of its uninterrupted run, made once for every kill point.</summary>
    public sealed class Reference
    {
        public Reference()
        {
            var dir = TestPaths.TempDirectory();
            Suite = WriteSuite(dir);
            var run = Eebench.Run(["run", Suite, "--out", Path.Combine(dir, "reference"), "--cache", Path.Combine(dir, "reference-cache")]);
            Assert.True(run.ExitCode == 0, run.Errors);
            Leaderboard = Eebench.Deterministic(Path.Combine(dir, "reference", "leaderboard.json"));
        }

        public string Suite { get; }

        public string Leaderboard { get; }
    }

    public static TheoryData<string, string, int, string[]> KillPoints => new()
    {
        // Kill point (a stderr line), its occurrence, and what the rerun must say it reused.
        { "training", "Epoch 2/8", 1, ["Resuming training after epoch"] },
        // Recording is short: the kill may land after the bundle was written; either way nothing is trained again.
        { "recording logits", "record logits started", 1, ["trained model cached|logits bundle cached"] },
        { "evaluation", "evaluate started", 2, ["finished earlier", "logits bundle cached"] },
        { "measurement", "measure started", 2, ["finished earlier", "logits bundle cached"] },
        { "writing the leaderboard", "Writing the leaderboard", 2, ["finished earlier"] },
    };

    [Theory]
    [MemberData(nameof(KillPoints))]
    public void AKilledRunResumesToTheUninterruptedLeaderboard(string moment, string killOn, int occurrence, string[] reused)
    {
        var dir = TestPaths.TempDirectory();
        var args = new[] { "run", reference.Suite, "--out", Path.Combine(dir, "out"), "--cache", Path.Combine(dir, "cache"), "--verbose" };
        var killed = Eebench.Run(args, killOn, occurrence);
        Assert.True(killed.Killed, $"the run ended before '{killOn}' ({moment}):\n{killed.Errors}");
        Assert.Equal(137, killed.ExitCode);
        var rerun = Eebench.Run(args);
        output.WriteLine($"killed during {moment}; the rerun said:\n{string.Join('\n', rerun.Errors.Split('\n').Where(l => l.Contains("INF]", StringComparison.Ordinal) || l.Contains("WRN]", StringComparison.Ordinal)))}");

        Assert.True(rerun.ExitCode == 0, rerun.Errors);
        Assert.Contains("Taking over the stale lock", rerun.Errors, StringComparison.Ordinal);
        foreach (var line in reused)
        {
            // "a|b": either message shows the work was reused.
            Assert.True(line.Split('|').Any(l => rerun.Errors.Contains(l, StringComparison.Ordinal)), $"the rerun did not say '{line}':\n{rerun.Errors}");
        }

        Assert.Equal(reference.Leaderboard, Eebench.Deterministic(Path.Combine(dir, "out", "leaderboard.json")));
    }

    [Fact]
    public void ARunOnAFolderHeldByALiveProcessIsRefused()
    {
        var dir = TestPaths.TempDirectory();
        var folder = Path.Combine(dir, "out");
        Directory.CreateDirectory(folder);

        // The lock of a live eebench: this test process, with its real start time.
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        File.WriteAllText(Path.Combine(folder, ".eebench.lock"), System.Text.Json.JsonSerializer.Serialize(new
        {
            Pid = Environment.ProcessId,
            Host = Environment.MachineName,
            Started = "2026-01-01T00:00:00Z",
            StartTicks = self.StartTime.ToUniversalTime().Ticks,
        }));
        var refused = Eebench.Run(["run", reference.Suite, "--out", folder, "--cache", Path.Combine(dir, "cache")]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"{folder} is in use by eebench (pid {Environment.ProcessId} on {Environment.MachineName}", refused.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "cells")));
    }

    private static string WriteSuite(string dir)
    {
        var data = SyntheticIdx.Write(Path.Combine(dir, "data"), train: 700, test: 200);
        var path = Path.Combine(dir, "resume.yaml");
        File.WriteAllText(path, $$$"""
            name: resume
            seeds: [1, 2]
            threads: 1
            datasets:
              - alias: fashion-mnist
                options: { path: {{{data}}} }
                validation_size: 150
                train_limit: 500
                test_limit: 200
            architectures: [{alias: branchy-lenet, options: {channels: [4, 8], head_grid: 2}}]
            training: { epochs: 8, batch_size: 32, learning_rate: 0.01 }
            calibrators: [identity, temperature]
            failure_predictors: [msp, entropy]
            evaluation: { bootstrap: 50 }
            measurement: { samples: 16, batch_sizes: [1, 4], max_seconds: 0.02 }
            """);
        return path;
    }
}
