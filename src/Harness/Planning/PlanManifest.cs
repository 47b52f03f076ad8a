namespace EarlyExitBench.Harness.Planning;

/// <summary>
/// Everything about a plan that a leaderboard needs besides the cell results; written as <c>plan.json</c> beside them
/// so <c>eebench merge</c> can rebuild the leaderboard from directories alone.
/// </summary>
/// <param name="Format">File format version.</param>
/// <param name="Id">Content key of the whole plan: shards and merged directories must agree on it.</param>
/// <param name="Suite">The suite section of the leaderboard.</param>
/// <param name="CostConvention">How cost is counted.</param>
/// <param name="BootstrapResamples">Resamples for the proxy-correlation intervals.</param>
/// <param name="BootstrapSeed">Seed of those resamples.</param>
/// <param name="Cells">Every cell, in plan order.</param>
/// <param name="Metrics">The metrics every cell computes, in leaderboard order; null in plans written before metrics were plugins.</param>
/// <param name="Provenance">Suite, code, plugin and data hashes; not part of <paramref name="Id"/>, so a shard run from a
/// different checkout still merges (the merged leaderboard states the first folder's). Null in plans written before it existed.</param>
public sealed record PlanManifest(
    int Format,
    string Id,
    SuiteSummary Suite,
    string CostConvention,
    int BootstrapResamples,
    int BootstrapSeed,
    IReadOnlyList<Cell> Cells,
    IReadOnlyList<MetricSummary>? Metrics = null,
    Provenance? Provenance = null)
{
    /// <summary>Current <see cref="Format"/>.</summary>
    public const int CurrentFormat = 1;
}
