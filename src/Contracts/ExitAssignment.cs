namespace EarlyExitBench.Contracts;

/// <summary>One operating point of an exit policy: where each test sample stops.</summary>
/// <param name="Setting">Human-readable setting, for example <c>budget=0.5</c> or <c>patience=2</c>.</param>
/// <param name="ExitPerSample">Zero-based exit index at which each test sample stops.</param>
public sealed record ExitAssignment(string Setting, int[] ExitPerSample);
