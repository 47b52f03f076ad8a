using System.Diagnostics;

namespace EarlyExitBench.Tests.Support;

/// <summary>Runs real programs (eebench, Slurm's clients, diff) as child processes, as a user would from a shell.</summary>
internal static class ChildProcess
{
    /// <summary>The options every start shares: arguments as a list (no shell quoting), output captured.</summary>
    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        start.Environment["TMPDIR"] = TestPaths.RunDirectory; // what children leave in their temp folder goes with this run's
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Runs to the end; a process still running after <paramref name="timeout"/> is killed with its children and reported.</summary>
    public static ProcessResult Run(ProcessStartInfo start, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(start);
        var command = string.Join(' ', new[] { start.FileName }.Concat(start.ArgumentList));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{command} did not finish within {timeout.TotalSeconds:F0} s and was killed\n{output.Result}\n{errors.Result}");
        }

        process.WaitForExit();
        return new ProcessResult(command, process.ExitCode, output.Result, errors.Result);
    }

    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>, a minute at most.</summary>
    public static ProcessResult Run(string file, params string[] arguments) => Run(StartInfo(file, arguments), TimeSpan.FromMinutes(1));
}
