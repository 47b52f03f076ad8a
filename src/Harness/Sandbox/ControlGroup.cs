using System.Globalization;

namespace EarlyExitBench.Harness.Sandbox;

/// <summary>
/// A memory and a pids control group for one sandbox, on cgroup v2 (one folder) or v1 (one folder per controller),
/// made where this process may write <c>/sys/fs/cgroup</c> (as root, or with a delegated subtree); null elsewhere.
/// </summary>
internal sealed class ControlGroup : IDisposable
{
    private const string Root = "/sys/fs/cgroup";
    private static int _count;
    private readonly string? _unified;
    private readonly string? _memory;
    private readonly string? _pids;

    private ControlGroup(string? unified, string? memory, string? pids) => (_unified, _memory, _pids) = (unified, memory, pids);

    /// <summary>The <c>cgroup.procs</c> files the child writes its pid into before it execs.</summary>
    public IReadOnlyList<string> ProcsFiles => _unified is not null ? [Path.Combine(_unified, "cgroup.procs")] : new[] { _memory!, _pids! }.Select(d => Path.Combine(d, "cgroup.procs")).ToList();

    /// <summary>Makes the groups with <paramref name="limits"/>; null when the platform does not let this process.</summary>
    public static ControlGroup? TryCreate(SandboxLimits limits)
    {
        var name = $"eebench-sandbox-{Environment.ProcessId}-{Interlocked.Increment(ref _count)}";
        var memory = limits.MemoryBytes.ToString(CultureInfo.InvariantCulture);
        var pids = limits.Processes.ToString(CultureInfo.InvariantCulture);
        try
        {
            if (File.Exists(Path.Combine(Root, "cgroup.controllers")))
            {
                var dir = Directory.CreateDirectory(Path.Combine(Root, name)).FullName;
                var group = new ControlGroup(dir, null, null);
                try
                {
                    File.WriteAllText(Path.Combine(dir, "memory.max"), memory);
                    File.WriteAllText(Path.Combine(dir, "pids.max"), pids);
                    TryWrite(Path.Combine(dir, "memory.swap.max"), "0");
                    return group;
                }
                catch
                {
                    group.Dispose();
                    throw;
                }
            }

            if (Directory.Exists(Path.Combine(Root, "memory")) && Directory.Exists(Path.Combine(Root, "pids")))
            {
                var group = new ControlGroup(null, Directory.CreateDirectory(Path.Combine(Root, "memory", name)).FullName, null);
                group = new ControlGroup(null, group._memory, Directory.CreateDirectory(Path.Combine(Root, "pids", name)).FullName);
                try
                {
                    File.WriteAllText(Path.Combine(group._memory!, "memory.limit_in_bytes"), memory);
                    TryWrite(Path.Combine(group._memory!, "memory.memsw.limit_in_bytes"), memory);
                    File.WriteAllText(Path.Combine(group._pids!, "pids.max"), pids);
                    return group;
                }
                catch
                {
                    group.Dispose();
                    throw;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }

    /// <summary>Whether the memory limit was hit (an OOM kill, or an allocation refused at the limit).</summary>
    public bool MemoryLimitHit() => _unified is not null
        ? Counter(Path.Combine(_unified, "memory.events"), "oom_kill") > 0 || Counter(Path.Combine(_unified, "memory.events"), "max") > 0
        : Counter(Path.Combine(_memory!, "memory.oom_control"), "oom_kill") > 0 || Number(Path.Combine(_memory!, "memory.failcnt")) > 0;

    /// <summary>Whether a fork or thread was refused at the process limit.</summary>
    public bool ProcessLimitHit() => Counter(Path.Combine(_unified ?? _pids!, "pids.events"), "max") > 0;

    /// <summary>Kills what is left in the groups and removes them.</summary>
    public void Dispose()
    {
        foreach (var dir in new[] { _unified, _memory, _pids }.OfType<string>())
        {
            for (var attempt = 0; attempt < 50 && Directory.Exists(dir); attempt++)
            {
                foreach (var pid in Lines(Path.Combine(dir, "cgroup.procs")))
                {
                    try
                    {
                        using var process = System.Diagnostics.Process.GetProcessById(int.Parse(pid, CultureInfo.InvariantCulture));
                        process.Kill();
                    }
                    catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or FormatException)
                    {
                        // Gone already.
                    }
                }

                try
                {
                    Directory.Delete(dir);
                }
                catch (IOException)
                {
                    Thread.Sleep(20); // busy until the killed processes are reaped
                }
            }
        }
    }

    private static void TryWrite(string path, string value)
    {
        try
        {
            File.WriteAllText(path, value);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Optional control (swap accounting off): the main limit still holds.
        }
    }

    private static long Counter(string file, string name) =>
        Lines(file).Select(l => l.Split(' ')).Where(p => p.Length == 2 && p[0] == name).Select(p => long.TryParse(p[1], CultureInfo.InvariantCulture, out var n) ? n : 0).FirstOrDefault();

    private static long Number(string file) => Lines(file).Select(l => long.TryParse(l, CultureInfo.InvariantCulture, out var n) ? n : 0).FirstOrDefault();

    private static IEnumerable<string> Lines(string file)
    {
        try
        {
            return File.ReadAllLines(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
