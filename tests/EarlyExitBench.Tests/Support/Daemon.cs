using System.Diagnostics;
using System.Text;

namespace EarlyExitBench.Tests.Support;

/// <summary>A daemon this test process started in the foreground, so its pid is known and only it is ever stopped.</summary>
internal sealed class Daemon : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private Daemon(string name, Process process)
    {
        Name = name;
        _process = process;
        Pid = process.Id;
    }

    /// <summary>What it is, e.g. <c>slurmctld</c>.</summary>
    public string Name { get; }

    /// <summary>Its process id (kept: a disposed <see cref="Process"/> no longer tells).</summary>
    public int Pid { get; }

    /// <summary>Whether it has stopped (by itself or by <see cref="Stop"/>).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>What it printed so far (stdout and stderr), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="start"/>; its output is collected in the background.</summary>
    public static Daemon Start(string name, ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {name}");
        var daemon = new Daemon(name, process);
        process.OutputDataReceived += (_, e) => daemon.Append(e.Data);
        process.ErrorDataReceived += (_, e) => daemon.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return daemon;
    }

    /// <summary>SIGTERM to this pid only, so the daemon shuts down cleanly; SIGKILL if it is still there after <paramref name="grace"/>.</summary>
    public void Stop(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        ChildProcess.Run("kill", "-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!_process.WaitForExit(grace))
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stop(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
