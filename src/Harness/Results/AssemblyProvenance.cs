namespace EarlyExitBench.Harness.Results;

/// <summary>One assembly whose code produced the numbers.</summary>
/// <param name="Name">Assembly name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Sha256">SHA-256 of the assembly file.</param>
/// <param name="Aliases">The plugin aliases it provided, as <c>kind:alias</c>; empty for eebench itself.</param>
/// <param name="External">True for a plugin assembly loaded from outside the repository eebench ran from.</param>
public sealed record AssemblyProvenance(string Name, string Version, string Sha256, IReadOnlyList<string> Aliases, bool External);
