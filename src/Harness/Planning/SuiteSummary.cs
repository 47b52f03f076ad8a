namespace EarlyExitBench.Harness.Planning;

/// <summary>What was asked for, as the leaderboard's <c>suite</c> section states it.</summary>
/// <param name="Name">Suite name.</param>
/// <param name="File">The suite file (or the bundle, for <c>evaluate</c>).</param>
/// <param name="Seeds">Seeds.</param>
/// <param name="Device">Requested device.</param>
/// <param name="Recipes">The training recipes; null when nothing is trained.</param>
/// <param name="Evaluation">Evaluation settings.</param>
public sealed record SuiteSummary(string Name, string File, IReadOnlyList<int> Seeds, string Device, object? Recipes, object Evaluation);
