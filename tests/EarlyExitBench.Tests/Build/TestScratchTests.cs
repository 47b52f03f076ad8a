using System.Diagnostics;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Build;

/// <summary>
/// The tests' own scratch files: one root per test process, handed to child processes as their TMPDIR, deleted at exit;
/// roots of killed runs are deleted by the next run. (A run used to leave about 400 MB in /tmp, a shared CI disk filled.)
/// </summary>
public class TestScratchTests
{
    [Fact]
    public void EveryScratchFolderLiesUnderThisProcesssRoot()
    {
        var dir = TestPaths.TempDirectory();

        Assert.Equal(TestPaths.RunDirectory, Path.GetDirectoryName(dir));
        Assert.Equal("run-" + Environment.ProcessId, Path.GetFileName(TestPaths.RunDirectory));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }

    [Fact]
    public void ChildProcessesGetTheRunRootAsTheirTempFolder()
    {
        var result = ChildProcess.Run("bash", "-c", "printf %s \"$TMPDIR\"");

        Assert.Equal(TestPaths.RunDirectory, result.Out);
    }

    [Fact]
    public void PruningDeletesRootsOfFinishedRunsAndOldStraysAndKeepsLiveRunsAndFreshStrays()
    {
        var parent = TestPaths.TempDirectory();
        var finishedPid = FinishedProcessId();
        using var live = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        try
        {
            var finished = Root(parent, "run-" + finishedPid, withReadOnlyFolder: true);
            var running = Root(parent, "run-" + live.Id);
            var mine = Root(parent, "run-" + Environment.ProcessId);
            var oldStray = Root(parent, "0123456789ab");
            Directory.SetLastWriteTimeUtc(oldStray, DateTime.UtcNow.AddDays(-2));
            var freshStray = Root(parent, "ba9876543210");
            var notAPid = Root(parent, "run-x1");

            var deleted = TestPaths.PruneAbandoned(parent, DateTime.UtcNow);

            Assert.Equal(new[] { finished, oldStray }.Order(StringComparer.Ordinal), deleted.Order(StringComparer.Ordinal));
            Assert.False(Directory.Exists(finished));
            Assert.False(Directory.Exists(oldStray));
            Assert.All(new[] { running, mine, freshStray, notAPid }, d => Assert.True(File.Exists(Path.Combine(d, "kept"))));
        }
        finally
        {
            live.Kill();
            live.WaitForExit();
        }
    }

    [Theory]
    [InlineData("run-123", 123)]
    [InlineData("run-0", null)]
    [InlineData("run--5", null)]
    [InlineData("run-+5", null)]
    [InlineData("run-12a", null)]
    [InlineData("run-", null)]
    [InlineData("0123456789ab", null)]
    [InlineData("Run-5", null)]
    public void OnlyRunDashAPositivePidNamesAnOwner(string name, int? pid) => Assert.Equal(pid, TestPaths.OwnerPid(name));

    private static int FinishedProcessId()
    {
        using var done = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        done.WaitForExit();
        return done.Id;
    }

    private static string Root(string parent, string name, bool withReadOnlyFolder = false)
    {
        var root = Directory.CreateDirectory(Path.Combine(parent, name)).FullName;
        File.WriteAllText(Path.Combine(root, "kept"), "x");
        if (withReadOnlyFolder && !OperatingSystem.IsWindows())
        {
            var locked = Directory.CreateDirectory(Path.Combine(root, "locked"));
            File.WriteAllText(Path.Combine(locked.FullName, "inside"), "x");
            locked.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserExecute;
        }

        return root;
    }
}
