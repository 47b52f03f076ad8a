namespace EarlyExitBench.Harness.Results;

/// <summary>One plugin the run used, as its registration describes itself.</summary>
/// <param name="Kind">Plugin kind, in words.</param>
/// <param name="Alias">The alias the entries name.</param>
/// <param name="Version">The implementation's version.</param>
/// <param name="Description">One line.</param>
/// <param name="Citation">Paper or URL; empty when none.</param>
/// <param name="Assembly">Name and version of the assembly that registered it.</param>
public sealed record PluginProvenance(string Kind, string Alias, string Version, string Description, string Citation, string Assembly);
