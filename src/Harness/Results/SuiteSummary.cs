namespace EarlyExitBench.Harness.Results;

/// <summary>What was asked for (<c>suite</c>).</summary>
/// <param name="Name">Suite name.</param>
/// <param name="File">The suite file (or the bundle, for <c>evaluate</c>).</param>
/// <param name="Seeds">Seeds.</param>
/// <param name="Device">Requested device.</param>
/// <param name="Recipes">The training recipes as the suite gave them; null when nothing is trained.</param>
/// <param name="Evaluation">Evaluation settings as the suite gave them.</param>
public sealed record SuiteSummary(string Name, string File, IReadOnlyList<int> Seeds, string Device, object? Recipes, object Evaluation);
