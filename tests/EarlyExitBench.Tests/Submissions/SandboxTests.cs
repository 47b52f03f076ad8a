using Xunit.Abstractions;
using System.Net;
using System.Net.Sockets;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Submissions;

/// <summary>
/// Hostile plugins (tests/TestPlugins/HostileSandbox) submitted and verified: each attack is stopped by the sandbox and
/// named in the report, and nothing outside the re-run's scratch folder changes (a canary folder holding a fake
/// <c>~/.ssh</c> is compared file by file before and after). Tight limits keep each case to a few seconds.
/// </summary>
[Collection("Console")]
public class SandboxTests(ITestOutputHelper output)
{
    private const string Secret = "-----BEGIN OPENSSH PRIVATE KEY----- canary-5f1d";

    private static readonly string[] TightLimits = ["--cpu-seconds", "3", "--memory-mb", "512", "--processes", "64", "--wall-seconds", "60"];

    private static readonly Lazy<(string Root, string Data)> Shared = new(() =>
    {
        var root = TestPaths.TempDirectory();
        return (root, SyntheticIdx.Write(Path.Combine(root, "data"), train: 400, test: 100));
    });

    public static TheoryData<string, string> Attacks => new()
    {
        { "opens-socket", "calibrator opens-socket failed at fit" },
        { "writes-outside", "calibrator writes-outside failed at fit (exit 1): IOException: could not write outside scratch" },
        { "reads-secret", "calibrator reads-secret failed at fit" },
        { "forks-forever", "stopped: process limit (64 processes/threads, pids cgroup)" },
        { "allocates-forever", "stopped: memory limit (512 MB" },
        { "spins-forever", "stopped: CPU time limit (3 s" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public void EachAttackIsStoppedNamedAndLeavesNothingChangedOutsideScratch(string alias, string stoppedBy)
    {
        Assert.True(File.Exists("/usr/bin/bwrap"), "bubblewrap is missing: build/setup.sh installs it with EEBENCH_TEST_SETUP=1");
        var dir = TestPaths.TempDirectory();
        var canary = Directory.CreateDirectory(Path.Combine(dir, "canary")).FullName;
        Directory.CreateDirectory(Path.Combine(canary, "home", ".ssh"));
        File.WriteAllText(Path.Combine(canary, "home", ".ssh", "id_ed25519"), Secret + "\n");
        File.WriteAllText(Path.Combine(canary, "notes.txt"), "untouched\n");
        var before = Snapshot(canary);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var target = alias == "reads-secret" ? Path.Combine(canary, "home", ".ssh", "id_ed25519") : Path.Combine(canary, "planted.txt");

        // The contributor's run (the plugin is tame outside a submission), then the submission with the plugin in it.
        var suite = Path.Combine(dir, "hostile.yaml");
        File.WriteAllText(suite, TinyRun.SuiteText("hostile", Shared.Value.Data, $"[{{alias: {alias}, options: {{target: {target}, port: {port}}}}}]", seeds: 1));
        var plugin = TestPaths.TestPlugin("HostileSandbox");
        var run = InProcess.Run("run", suite, "--out", Path.Combine(dir, "results"), "--cache", Path.Combine(Shared.Value.Root, "cache"), "--plugins", plugin);
        Assert.True(run.Code == 0, run.Err);
        var submission = Path.Combine(dir, "submission");
        var submit = InProcess.Run("submit", Path.Combine(dir, "results"), "--out", submission, "--suite", suite, "--plugins", plugin);
        Assert.True(submit.Code == 0, submit.Err);
        var submitted = Snapshot(submission);

        var scratch = Path.Combine(dir, "scratch");
        var verify = InProcess.Run(["verify", submission, "--sample", "1", "--scratch", scratch, .. TightLimits]);
        var line = verify.Out.Split('\n').FirstOrDefault(l => l.StartsWith("not reproduced: ", StringComparison.Ordinal)) ?? "(no verdict line)";
        output.WriteLine($"{alias}: {line}");

        Assert.True(verify.Code == 1, verify.Out + verify.Err);
        Assert.Contains(stoppedBy, line, StringComparison.Ordinal);
        Assert.DoesNotContain("canary-5f1d", verify.Out + verify.Err, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(canary));
        Assert.Equal(submitted, Snapshot(submission));
        Assert.False(listener.Pending(), "a connection reached the host's loopback");
        Assert.False(Directory.Exists(scratch), "the re-runs' scratch folder is left behind");
        Assert.DoesNotContain(Directory.GetDirectories("/proc"), p => Command(p).Contains("sleep\0613", StringComparison.Ordinal));
    }

    private static SortedDictionary<string, string> Snapshot(string root) => new(
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).ToDictionary(
            p => Path.GetRelativePath(root, p),
            p => File.Exists(p) ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p))) + " " + File.GetLastWriteTimeUtc(p).Ticks : "dir"),
        StringComparer.Ordinal);

    private static string Command(string proc)
    {
        try
        {
            return File.ReadAllText(Path.Combine(proc, "cmdline"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
