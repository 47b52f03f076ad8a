namespace EarlyExitBench.Harness.Planning;

/// <summary>One plugin a run used, as its registration describes itself.</summary>
/// <param name="Kind">Plugin kind, in words (<c>calibrator</c>, <c>failure predictor</c>, ...).</param>
/// <param name="Alias">The current alias (what the leaderboard's entries name).</param>
/// <param name="Version">The implementation's version.</param>
/// <param name="Description">Its one-line description.</param>
/// <param name="Citation">Paper or URL it comes from; empty when none was given.</param>
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
