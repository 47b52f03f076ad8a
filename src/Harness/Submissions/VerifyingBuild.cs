namespace EarlyExitBench.Harness.Submissions;

/// <summary>The eebench build that re-ran a submission's cells.</summary>
/// <param name="Version">Its version.</param>
/// <param name="Sha256">SHA-256 of its assembly.</param>
public sealed record VerifyingBuild(string Version, string Sha256);
