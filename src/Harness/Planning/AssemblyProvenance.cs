namespace EarlyExitBench.Harness.Planning;

/// <summary>One assembly whose code produced the numbers.</summary>
/// <param name="Name">Assembly name.</param>
/// <param name="Version">Informational version (without the source-revision suffix), else the assembly version.</param>
/// <param name="Sha256">SHA-256 of the assembly file.</param>
/// <param name="Aliases">The plugin aliases of the plan it provides, as <c>kind:alias</c>; empty for eebench itself.</param>
/// <param name="External">
/// True for a plugin assembly loaded from outside the repository eebench runs from (every plugin, for an installed
/// eebench): code from elsewhere, running with the user's rights. False for eebench itself.
/// </param>
public sealed record AssemblyProvenance(string Name, string Version, string Sha256, IReadOnlyList<string> Aliases, bool External = false);
