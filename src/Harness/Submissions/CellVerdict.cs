namespace EarlyExitBench.Harness.Submissions;

/// <summary>One re-run cell of <c>eebench verify</c>.</summary>
/// <param name="Cell">The cell's name.</param>
/// <param name="Key">Its key.</param>
/// <param name="Expected">The SHA-256 of its result in the submission.</param>
/// <param name="Got">The SHA-256 of the re-run's result; null when the re-run made none.</param>
/// <param name="Match">Whether the re-run reproduced the result (exactly, or within the GPU tolerances).</param>
/// <param name="Verdict">In words: <c>match</c>, <c>mismatch: ...</c>, <c>stopped: ...</c>.</param>
/// <param name="Seconds">Wall-clock seconds of the re-run.</param>
public sealed record CellVerdict(string Cell, string Key, string Expected, string? Got, bool Match, string Verdict, double Seconds);
