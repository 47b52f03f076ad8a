using EarlyExitBench.Harness.Cells;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Submissions;

/// <summary>A submission that passed every check: its manifest, plan and cells, and its files by path.</summary>
/// <param name="Manifest">The manifest.</param>
/// <param name="Plan">The plan its cells belong to.</param>
/// <param name="Cells">Each cell's stored result, by key.</param>
/// <param name="Files">Every file, by relative path (the manifest included).</param>
public sealed record SubmissionCheck(
    SubmissionManifest Manifest,
    PlanManifest Plan,
    IReadOnlyDictionary<string, StoredCell> Cells,
    IReadOnlyDictionary<string, byte[]> Files)
{
    /// <summary>Its <c>leaderboard.json</c> as the validator read it (schema-checked and bound); null when it carries none.</summary>
    public LeaderboardDocument? Leaderboard { get; init; }
}
