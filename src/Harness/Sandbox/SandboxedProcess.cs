using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace EarlyExitBench.Harness.Sandbox;

/// <summary>
/// Runs a command under bubblewrap with what Linux gives for confinement, no filter of our own: new user, pid, network,
/// IPC, UTS and cgroup namespaces (no network at all, not even loopback to the host); a filesystem that holds only
/// <c>/usr</c>, a few files of <c>/etc</c>, the read-only paths asked for and the scratch folder (the only writable one,
/// besides an empty <c>/tmp</c>); memory and process limits from a cgroup; CPU time and file size from rlimits (prlimit);
/// a wall-clock limit kept here. When the child ends, every process it started is killed (its pid namespace goes).
/// </summary>
public static class SandboxedProcess
{
    private const int MaxKeptErrors = 8 * 1024;
    private static readonly string[] EtcFiles = ["/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime", "/etc/passwd", "/etc/group", "/etc/nsswitch.conf"];

    /// <summary>Where bubblewrap is, or null when it is not installed.</summary>
    public static string? Bubblewrap() => Which("bwrap");

    /// <summary>Runs <paramref name="spec"/> to its end or to a limit.</summary>
    /// <exception cref="InvalidOperationException">Isolation was asked for and bubblewrap or prlimit is missing.</exception>
    public static SandboxOutcome Run(SandboxSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var limits = spec.Limits;
        Directory.CreateDirectory(spec.Scratch);
        var environment = new Dictionary<string, string>(spec.Environment, StringComparer.Ordinal);
        using var group = spec.Isolate ? ControlGroup.TryCreate(limits) : null;
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = spec.Scratch, UseShellExecute = false };
        if (spec.Isolate)
        {
            var bwrap = Bubblewrap() ?? throw new InvalidOperationException("bubblewrap (bwrap) is not installed; install the Debian package bubblewrap, or pass --no-sandbox to run contributed code unconfined");
            var prlimit = Which("prlimit") ?? throw new InvalidOperationException("prlimit (util-linux) is not installed");
            if (group is null)
            {
                // No cgroup for us (not root, nothing delegated): the .NET heap limit stands in for the memory cgroup.
                environment["DOTNET_GCHeapHardLimit"] = "0x" + limits.MemoryBytes.ToString("x", CultureInfo.InvariantCulture);
            }

            start.FileName = "/bin/sh";
            foreach (var arg in Wrapper(group, prlimit, bwrap, spec, environment))
            {
                start.ArgumentList.Add(arg);
            }
        }
        else
        {
            start.FileName = spec.Command[0];
            foreach (var arg in spec.Command.Skip(1))
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment.Clear();
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        long written = 0;
        var errors = new StringBuilder();
        var outputExceeded = false;
        void Count(string? line, bool keep)
        {
            if (line is null)
            {
                return;
            }

            lock (errors)
            {
                written += Encoding.UTF8.GetByteCount(line) + 1;
                if (keep)
                {
                    errors.AppendLine(line);
                    if (errors.Length > MaxKeptErrors)
                    {
                        errors.Remove(0, errors.Length - MaxKeptErrors);
                    }
                }

                if (written > limits.OutputBytes && !outputExceeded)
                {
                    outputExceeded = true;
                    Kill(process);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Count(e.Data, false);
        process.ErrorDataReceived += (_, e) => Count(e.Data, true);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var wallExceeded = !process.WaitForExit(TimeSpan.FromSeconds(limits.WallSeconds));
        if (wallExceeded)
        {
            Kill(process);
        }

        process.WaitForExit();
        var code = process.ExitCode;
        string? stopped = null;
        var text = errors.ToString();
        if (outputExceeded)
        {
            stopped = $"output size limit ({limits.OutputBytes >> 20} MB of stdout and stderr)";
        }
        else if (wallExceeded)
        {
            stopped = string.Create(CultureInfo.InvariantCulture, $"wall-clock limit ({limits.WallSeconds} s)");
        }
        else if (spec.Isolate && code == 128 + 24)
        {
            stopped = string.Create(CultureInfo.InvariantCulture, $"CPU time limit ({limits.CpuSeconds} s, SIGXCPU)");
        }
        else if (spec.Isolate && code == 128 + 25)
        {
            stopped = $"output size limit ({limits.OutputBytes >> 20} MB per file, SIGXFSZ)";
        }
        else if (group?.ProcessLimitHit() == true)
        {
            stopped = string.Create(CultureInfo.InvariantCulture, $"process limit ({limits.Processes} processes/threads, pids cgroup)");
        }
        else if (code != 0 && (group?.MemoryLimitHit() == true || text.Contains("OutOfMemoryException", StringComparison.Ordinal)))
        {
            stopped = $"memory limit ({limits.MemoryBytes >> 20} MB{(group is null ? ", .NET heap limit" : ", memory cgroup")})";
        }
        else if (spec.Isolate && code == 128 + 9)
        {
            stopped = string.Create(CultureInfo.InvariantCulture, $"killed (SIGKILL: the CPU time limit of {limits.CpuSeconds} s or the kernel's OOM killer)");
        }

        return new SandboxOutcome(code, stopped, text, watch.Elapsed.TotalSeconds);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static List<string> Wrapper(ControlGroup? group, string prlimit, string bwrap, SandboxSpec spec, Dictionary<string, string> environment)
    {
        var limits = spec.Limits;
        var procs = group?.ProcsFiles ?? [];
        // The shell joins the cgroups itself before it execs, so no process of the sandbox ever runs outside them.
        var args = new List<string>
        {
            "-c", "n=$1; shift; while [ \"$n\" -gt 0 ]; do echo $$ > \"$1\" || exit 125; shift; n=$((n-1)); done; exec \"$@\"", "sh",
            procs.Count.ToString(CultureInfo.InvariantCulture),
        };
        args.AddRange(procs);
        args.AddRange([
            prlimit,
            string.Create(CultureInfo.InvariantCulture, $"--cpu={limits.CpuSeconds}:{limits.CpuSeconds + 1}"),
            string.Create(CultureInfo.InvariantCulture, $"--fsize={limits.OutputBytes}"),
            "--core=0",
        ]);
        if (group is null)
        {
            args.Add(string.Create(CultureInfo.InvariantCulture, $"--nproc={limits.Processes}"));
        }

        args.AddRange(["--", bwrap, "--unshare-all", "--die-with-parent", "--new-session", "--clearenv", "--hostname", "eebench-sandbox", "--ro-bind", "/usr", "/usr"]);
        foreach (var top in new[] { "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32" })
        {
            var info = new FileInfo(top);
            if (info.LinkTarget is { } target)
            {
                args.AddRange(["--symlink", target, top]);
            }
            else if (Directory.Exists(top))
            {
                args.AddRange(["--ro-bind", top, top]);
            }
        }

        foreach (var etc in EtcFiles.Where(p => File.Exists(p) || Directory.Exists(p)))
        {
            args.AddRange(["--ro-bind", etc, etc]);
        }

        // .NET reads its cgroup limits and the CPU topology from /sys; read-only, like everything but scratch.
        args.AddRange(["--ro-bind", "/sys", "/sys", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]);
        foreach (var path in spec.ReadOnly.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Where(p => File.Exists(p) || Directory.Exists(p)))
        {
            args.AddRange(["--ro-bind", path, path]);
        }

        var scratch = Path.GetFullPath(spec.Scratch);
        args.AddRange(["--bind", scratch, scratch, "--chdir", scratch]);
        foreach (var (name, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            args.AddRange(["--setenv", name, value]);
        }

        args.Add("--");
        args.AddRange(spec.Command);
        return args;
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':').Append("/usr/bin").Append("/usr/sbin")
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
