namespace EarlyExitBench.Harness.Submissions;

/// <summary>One re-run cell of a <see cref="VerificationRecord"/>.</summary>
/// <param name="Key">The cell's key.</param>
/// <param name="Verdict"><see cref="VerificationRecord.Verified"/>, <see cref="VerificationRecord.Mismatch"/> or <see cref="VerificationRecord.Failed"/>.</param>
/// <param name="Detail">The verdict in words, as <c>verify</c> prints it.</param>
/// <param name="Seconds">Wall-clock seconds of the re-run, to 0.1 s (the one field that differs between two verifications).</param>
public sealed record VerifiedCell(string Key, string Verdict, string Detail, double Seconds);
