using System.Diagnostics;
using System.Globalization;

namespace EarlyExitBench.Tests.Support;

/// <summary>Folders of the checkout the tests run from, and the scratch folders the tests write into.</summary>
internal static class TestPaths
{
    /// <summary>Set to <c>1</c> to keep this run's scratch folder (its path is printed) for a look after a failure.</summary>
    public const string KeepVariable = "EEBENCH_KEEP_TEST_FILES";

    private static readonly Lazy<string> Run = new(CreateRunDirectory, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string RepoRoot { get; } = FindRoot();

    public static string Plugins => Path.Combine(RepoRoot, "artifacts", "plugins");

    /// <summary>
    /// This test process's scratch root, <c>$TMPDIR/eebench-tests/run-PID</c>: every <see cref="TempDirectory"/> lies under
    /// it, child processes get it as their <c>TMPDIR</c>, and <see cref="CleanUpRun"/> deletes it when the test assembly has
    /// run (<see cref="ScratchCleaningFramework"/>). Roots left by runs that were killed are deleted when the next run starts
    /// (their process is gone).
    /// </summary>
    public static string RunDirectory => Directory.CreateDirectory(Run.Value).FullName;

    public static string TestPlugin(string name) => Path.Combine(RepoRoot, "artifacts", "test-plugins", "TestPlugin." + name);

    /// <summary>A new empty folder of this run's scratch root.</summary>
    public static string TempDirectory()
    {
        var dir = Path.Combine(Run.Value, Guid.NewGuid().ToString("N")[..12]); // CreateDirectory makes the root too
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>
    /// Deletes the scratch roots under <paramref name="parent"/> whose test process is no longer running, and anything else
    /// there (older layouts, stray files) untouched for a day; returns what it deleted. Roots of live runs, as when Stryker
    /// runs two test hosts side by side, are kept.
    /// </summary>
    public static IReadOnlyList<string> PruneAbandoned(string parent, DateTime nowUtc)
    {
        var deleted = new List<string>();
        if (!Directory.Exists(parent))
        {
            return deleted;
        }

        foreach (var entry in new DirectoryInfo(parent).EnumerateFileSystemInfos())
        {
            var abandoned = OwnerPid(entry.Name) is { } pid
                ? pid != Environment.ProcessId && !IsRunning(pid)
                : nowUtc - entry.LastWriteTimeUtc > TimeSpan.FromDays(1);
            if (abandoned && TryDelete(entry.FullName))
            {
                deleted.Add(entry.FullName);
            }
        }

        return deleted;
    }

    /// <summary>The pid in a scratch root's name <c>run-PID</c>; null for any other name.</summary>
    public static int? OwnerPid(string name) =>
        name.StartsWith("run-", StringComparison.Ordinal)
        && int.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;

    /// <summary>Deletes a file or a folder tree, making read-only folders writable first; false if something is left.</summary>
    public static bool TryDelete(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
                return true;
            }

            if (!Directory.Exists(path))
            {
                return true;
            }

            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (UnauthorizedAccessException)
            {
                MakeWritable(new DirectoryInfo(path));
                Directory.Delete(path, recursive: true);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Deletes this run's scratch root, unless <see cref="KeepVariable"/> is 1 (then prints where it is).</summary>
    public static void CleanUpRun()
    {
        if (!Run.IsValueCreated)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(KeepVariable) == "1")
        {
            Console.Error.WriteLine($"{KeepVariable}=1: this test run's files stay in {Run.Value}");
            return;
        }

        TryDelete(Run.Value);
    }

    private static string CreateRunDirectory()
    {
        var parent = Path.Combine(Path.GetTempPath(), "eebench-tests");
        PruneAbandoned(parent, DateTime.UtcNow);
        var root = Path.Combine(parent, "run-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        TryDelete(root); // left by an earlier process that had this pid and was killed before it could clean up
        return root;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void MakeWritable(DirectoryInfo dir)
    {
        if (!OperatingSystem.IsWindows())
        {
            dir.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }

        foreach (var child in dir.EnumerateDirectories())
        {
            if (!child.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                MakeWritable(child);
            }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EarlyExitBench.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EarlyExitBench.sln not found above " + AppContext.BaseDirectory);
    }
}
