namespace EarlyExitBench.Tests.Support;

/// <summary>How a child process ended and what it printed.</summary>
/// <param name="Command">The command line, for messages.</param>
/// <param name="Code">Exit code.</param>
/// <param name="Out">Standard output.</param>
/// <param name="Err">Standard error.</param>
internal sealed record ProcessResult(string Command, int Code, string Out, string Err)
{
    /// <summary>Everything a failed assertion should show.</summary>
    public override string ToString() => $"{Command} exited {Code}\n--- stdout ---\n{Out}\n--- stderr ---\n{Err}";
}
