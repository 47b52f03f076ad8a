namespace EarlyExitBench.Harness.Plugins;

/// <summary>One option that does not bind.</summary>
/// <param name="Key">The top-level option key at fault, when known.</param>
/// <param name="Message">What is wrong, with suggestions.</param>
public sealed record OptionProblem(string? Key, string Message);
