namespace EarlyExitBench.Harness.Submissions;

/// <summary>
/// The benchmark version a submission's entries are pinned to: a leaderboard mixes entries only when all of these agree,
/// so a result made with another suite or another eebench is never ranked beside it.
/// </summary>
/// <param name="Suite">The suite's name.</param>
/// <param name="SuiteSha256">SHA-256 of the suite file (<c>suite.yaml</c> in the submission).</param>
/// <param name="PlanId">The plan's content key.</param>
/// <param name="SchemaVersion">The leaderboard schema version of the eebench that made it.</param>
/// <param name="Harness">The eebench assembly name.</param>
/// <param name="HarnessVersion">Its version.</param>
/// <param name="HarnessSha256">SHA-256 of its assembly.</param>
public sealed record SubmissionPin(string Suite, string SuiteSha256, string PlanId, int SchemaVersion, string Harness, string HarnessVersion, string HarnessSha256);
