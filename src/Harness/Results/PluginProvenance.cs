namespace EarlyExitBench.Harness.Results;

/// <summary>One plugin the run used, as its registration describes itself.</summary>
/// <param name="Kind">Plugin kind, in words.</param>
/// <param name="Alias">The alias the entries name.</param>
/// <param name="Version">The implementation's version.</param>
/// <param name="Description">One line.</param>
/// <param name="Citation">Paper or URL; empty when none.</param>
/// <param name="Assembly">Name and version of the assembly that registered it.</param>
/// <param name="KeepsArgmax">Calibrators: whether the registration promises every sample keeps its predicted class
/// (<c>PluginInfo.KeepsArgmax</c>, checked by the contract tests); null for other kinds and in files written before it was recorded.</param>
/// <param name="KeepsSampleOrder">Calibrators: whether it promises the order of samples by confidence is kept, ties included
/// (<c>PluginInfo.KeepsSampleOrder</c>); null as above.</param>
public sealed record PluginProvenance(
    string Kind,
    string Alias,
    string Version,
    string Description,
    string Citation,
    string Assembly,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] bool? KeepsArgmax = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] bool? KeepsSampleOrder = null);
