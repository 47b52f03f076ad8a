using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Methods;
using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Harness.Cells;

/// <summary>
/// Everything a finished cell contributes to a leaderboard, a pure function of its key: the same bytes whichever
/// machine, shard or rerun computed it.
/// </summary>
/// <param name="Key">The cell's key.</param>
/// <param name="Exits">Cumulative cost and parameters per exit; empty when the cell failed before its model existed.</param>
/// <param name="Methods">Every method that ran.</param>
/// <param name="Fits">Fitted calibrator parameters.</param>
/// <param name="Failures">Plugin calls that failed.</param>
/// <param name="Reliability">Reliability-diagram counts per calibrator and exit; null in results made before they existed.</param>
/// <param name="Samples">Hashed sample ids of the cell's train, validation and test splits; null for a given bundle, a cell that
/// failed before its data was split, and results made before they were recorded.</param>
public sealed record CellResult(
    string Key,
    IReadOnlyList<ExitInfo> Exits,
    IReadOnlyList<MethodResult> Methods,
    IReadOnlyList<CalibratorFit> Fits,
    IReadOnlyList<FailureRecord> Failures,
    IReadOnlyList<CalibratorReliability>? Reliability = null,
    SampleSplits? Samples = null);
