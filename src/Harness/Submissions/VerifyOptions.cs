using EarlyExitBench.Harness.Sandbox;

namespace EarlyExitBench.Harness.Submissions;

/// <summary>How <c>eebench verify</c> re-runs a submission's cells.</summary>
/// <param name="Sample">How many cells to draw (all when larger than the plan).</param>
/// <param name="Seed">Seed of the draw.</param>
/// <param name="Isolate">Run each cell in the sandbox (false only to measure what the sandbox costs, or where it cannot run).</param>
/// <param name="Limits">The sandbox's limits.</param>
/// <param name="Scratch">Folder for each cell's scratch folder (removed afterwards unless <paramref name="KeepScratch"/>).</param>
/// <param name="KeepScratch">Keep the scratch folders, to look at a mismatch.</param>
public sealed record VerifyOptions(int Sample, int Seed, bool Isolate, SandboxLimits Limits, string Scratch, bool KeepScratch = false);
