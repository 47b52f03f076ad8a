namespace EarlyExitBench.Harness.Planning;

/// <summary>
/// What a reader needs to trust a leaderboard's numbers: exactly which suite, code, plugins and data made them. Computed
/// when the plan is built and kept in <c>plan.json</c> (outside the plan's id), so <c>merge</c> reports the same.
/// </summary>
/// <param name="SuiteSha256">SHA-256 of the suite file (for <c>evaluate</c>, of the logits bundle); null for a suite parsed from text.</param>
/// <param name="GitCommit">Commit of the checkout eebench runs from; null when it runs outside a git checkout or git is missing.</param>
/// <param name="GitDirty">Whether that checkout had uncommitted changes (tracked or untracked, not ignored); null when unknown.</param>
/// <param name="Assemblies">eebench itself and every plugin assembly the plan uses, by name.</param>
/// <param name="Datasets">Each dataset's content hash.</param>
public sealed record Provenance(
    string? SuiteSha256,
    string? GitCommit,
    bool? GitDirty,
    IReadOnlyList<AssemblyProvenance> Assemblies,
    IReadOnlyList<DatasetProvenance> Datasets)
{
    /// <summary>Every plugin the plan uses with its version, description and citation, by kind then alias; empty in documents written before they were recorded.</summary>
    public IReadOnlyList<PluginProvenance> Plugins { get; init; } = [];
}
