namespace EarlyExitBench.Harness.Submissions;

/// <summary>One cell of a submission.</summary>
/// <param name="Key">The cell's key (its result is <c>cells/KEY.json</c>).</param>
/// <param name="Name">How logs and tables name it.</param>
/// <param name="ResultSha256">SHA-256 of the result's JSON text as stored: what <c>verify</c> compares with a re-run.</param>
public sealed record SubmittedCell(string Key, string Name, string ResultSha256);
