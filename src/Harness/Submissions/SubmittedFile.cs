namespace EarlyExitBench.Harness.Submissions;

/// <summary>One file of a submission.</summary>
/// <param name="Path">Relative path, <c>/</c>-separated.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of its bytes.</param>
public sealed record SubmittedFile(string Path, long Size, string Sha256);
