namespace EarlyExitBench.Harness.Planning;

/// <summary>One plugin a run used, as its registration describes itself.</summary>
/// <param name="Kind">Plugin kind, in words (<c>calibrator</c>, <c>failure predictor</c>, ...).</param>
/// <param name="Alias">The current alias (what the leaderboard's entries name).</param>
/// <param name="Version">The implementation's version.</param>
/// <param name="Description">Its one-line description.</param>
/// <param name="Citation">Paper or URL it comes from; empty when none was given.</param>
/// <param name="Assembly">Name and version of the assembly that registered it.</param>
public sealed record PluginProvenance(string Kind, string Alias, string Version, string Description, string Citation, string Assembly);
