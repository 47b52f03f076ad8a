using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EarlyExitBench.Tests.Support;

/// <summary>Runs the built <c>eebench</c> as a real child process, optionally SIGKILLing it when a line appears on stderr.</summary>
internal static class Eebench
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>What a run printed and how it ended.</summary>
    public sealed record Result(int ExitCode, bool Killed, string Output, string Errors);

    /// <summary>The host built next to these tests, in the same configuration.</summary>
    public static string Dll { get; } = Path.Combine(
        TestPaths.RepoRoot, "src", "Harness", "bin", AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release", "net10.0", "eebench.dll");

    /// <summary>
    /// Runs <c>eebench ARGS</c>. With <paramref name="killOn"/>, sends SIGKILL as soon as the <paramref name="occurrence"/>-th
    /// stderr line containing it appears, as a crash, the OOM killer or a pre-empted cluster job would.
    /// </summary>
    public static Result Run(
        IEnumerable<string> args, string? killOn = null, int occurrence = 1, string? workingDirectory = null, TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? TestPaths.RepoRoot };
        start.ArgumentList.Add(Dll);
        start.Environment["TMPDIR"] = TestPaths.RunDirectory; // what the child leaves in its temp folder goes with this run's
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        // The child holds the thread that logs the kill line, so the kill lands at that moment even on a fast machine.
        if (killOn is not null)
        {
            start.Environment["EEBENCH_HOLD_AT"] = $"{killOn}#{occurrence}";
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = new StringBuilder();
        var errors = new StringBuilder();
        var seen = 0;
        var killed = false;
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (errors)
            {
                errors.AppendLine(e.Data);
                if (killOn is not null && !killed && e.Data.Contains(killOn, StringComparison.Ordinal) && ++seen == occurrence)
                {
                    killed = true;
                    process.Kill(entireProcessTree: true);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"eebench {string.Join(' ', start.ArgumentList.Skip(1))} did not finish; stderr:\n{errors}");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, killed, output.ToString(), errors.ToString());
    }

    /// <summary>
    /// A leaderboard without the sections that describe the machine and the clock (<c>environment</c>, <c>timing</c>),
    /// one key per line so that a <c>diff</c> of two of them is readable.
    /// </summary>
    public static string Deterministic(string leaderboardPath)
    {
        var json = JsonNode.Parse(File.ReadAllText(leaderboardPath))!.AsObject();
        Assert.True(json.Remove("environment"), $"{leaderboardPath} has no 'environment'");
        Assert.True(json.Remove("timing"), $"{leaderboardPath} has no 'timing'");
        return json.ToJsonString(Indented);
    }
}
