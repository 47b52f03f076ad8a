namespace EarlyExitBench.Harness.Submissions;

/// <summary>One plugin assembly a submission's plan used.</summary>
/// <param name="Assembly">Assembly name.</param>
/// <param name="Version">Its version.</param>
/// <param name="Sha256">SHA-256 of the assembly, as the plan's provenance declares it.</param>
/// <param name="Source"><c>included</c> (its folder is under <c>plugins/</c>) or <c>shipped</c> (one of eebench's own).</param>
/// <param name="Path">For an included plugin, the path of its assembly in the submission; null for a shipped one.</param>
public sealed record SubmittedPlugin(string Assembly, string Version, string Sha256, string Source, string? Path)
{
    /// <summary>The <see cref="Source"/> of a plugin whose files are in the submission.</summary>
    public const string Included = "included";

    /// <summary>The <see cref="Source"/> of a plugin eebench ships.</summary>
    public const string Shipped = "shipped";
}
