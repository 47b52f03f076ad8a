using System.Text.RegularExpressions;

namespace EarlyExitBench.Tests.Support;

/// <summary>One job (or array task) as <c>scontrol -o show job</c> prints it, one line each.</summary>
/// <param name="Line">The whole line.</param>
internal sealed partial record SlurmJobLine(string Line)
{
    private static readonly string[] Terminal = ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL", "DEADLINE"];

    /// <summary>Slurm's job id of this line (an array task has its own).</summary>
    public string JobId => Field("JobId") ?? "?";

    /// <summary>The array task id, or null outside an array (a pending array shows a range such as <c>0-2</c>).</summary>
    public string? ArrayTaskId => Field("ArrayTaskId");

    /// <summary>PENDING, RUNNING, COMPLETED, FAILED, ….</summary>
    public string State => Field("JobState") ?? "?";

    /// <summary>Why it waits, e.g. <c>Dependency</c> or <c>DependencyNeverSatisfied</c>.</summary>
    public string Reason => Field("Reason") ?? "?";

    /// <summary><c>code:signal</c>.</summary>
    public string ExitCode => Field("ExitCode") ?? "?";

    /// <summary>Whether the job has ended, well or not.</summary>
    public bool Ended => Terminal.Contains(State);

    /// <summary>The fields worth quoting: id, array task, name, state, reason, exit code, run time, node, dependency.</summary>
    public string Summary => string.Join(' ', new[] { "JobId", "ArrayJobId", "ArrayTaskId", "JobName", "JobState", "Reason", "ExitCode", "RunTime", "NodeList", "Dependency" }
        .Select(k => Field(k) is { } v ? $"{k}={v}" : null).OfType<string>());

    /// <summary>Every line of <c>scontrol -o show job</c> output.</summary>
    public static IReadOnlyList<SlurmJobLine> Parse(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith("JobId=", StringComparison.Ordinal)).Select(l => new SlurmJobLine(l)).ToList();

    private string? Field(string key)
    {
        var match = FieldPattern().Matches(Line).FirstOrDefault(m => m.Groups[1].Value == key);
        return match?.Groups[2].Value;
    }

    [GeneratedRegex(@"(?:^|\s)([A-Za-z]+)=(\S*)")]
    private static partial Regex FieldPattern();
}
