namespace EarlyExitBench.Harness.Sandbox;

/// <summary>How a sandboxed child ended.</summary>
/// <param name="ExitCode">Its exit code (128 + signal when a signal ended it).</param>
/// <param name="Stopped">The limit that stopped it, in words (<c>CPU time limit (2 s)</c>, ...); null when it ended by itself.</param>
/// <param name="Errors">The end of its stderr (at most 8 KB).</param>
/// <param name="Seconds">Wall-clock seconds it ran.</param>
public sealed record SandboxOutcome(int ExitCode, string? Stopped, string Errors, double Seconds);
