namespace EarlyExitBench.Harness.Results;

/// <summary>Which suite, code, plugins and data made the numbers (<c>provenance</c>).</summary>
/// <param name="SuiteSha256">SHA-256 of the suite file (for <c>evaluate</c>, of the logits bundle); null for a suite parsed from text.</param>
/// <param name="GitCommit">Commit of the checkout eebench ran from; null when unknown.</param>
/// <param name="GitDirty">Whether that checkout had uncommitted changes; null when unknown.</param>
/// <param name="Assemblies">eebench itself and every plugin assembly the plan used.</param>
/// <param name="Datasets">Each dataset's content hash.</param>
public sealed record Provenance(
    string? SuiteSha256,
    string? GitCommit,
    bool? GitDirty,
    IReadOnlyList<AssemblyProvenance> Assemblies,
    IReadOnlyList<DatasetProvenance> Datasets)
{
    /// <summary>Every plugin the plan used, by kind then alias.</summary>
    public IReadOnlyList<PluginProvenance> Plugins { get; init; } = [];
}
