namespace EarlyExitBench.Harness.Submissions;

/// <summary>
/// What <c>eebench verify --record FILE</c> writes and <c>eebench site</c> reads (<c>eebench-verification/1</c>): which cells
/// of one submission were re-run, by which build, and with what verdict. A planned cell not in <see cref="Cells"/> was not
/// sampled. There is no timestamp: the same verification gives the same bytes but for each cell's seconds.
/// </summary>
/// <param name="Format">Always <see cref="CurrentFormat"/>.</param>
/// <param name="SubmissionSha256">SHA-256 of the submission's <c>submission.json</c>: the record belongs to that submission only.</param>
/// <param name="Eebench">The build that re-ran the cells.</param>
/// <param name="Sample">How many cells were drawn (<c>--sample</c>).</param>
/// <param name="Seed">Seed of the draw (<c>--seed</c>).</param>
/// <param name="Sandbox">Whether the re-runs ran in the sandbox (false for <c>--no-sandbox</c>).</param>
/// <param name="Cells">Each re-run cell, in plan order.</param>
public sealed record VerificationRecord(
    string Format, string SubmissionSha256, VerifyingBuild Eebench, int Sample, int Seed, bool Sandbox, IReadOnlyList<VerifiedCell> Cells)
{
    /// <summary>The format this eebench writes and reads.</summary>
    public const string CurrentFormat = "eebench-verification/1";

    /// <summary>The re-run reproduced the submitted result (exactly, or within the GPU tolerances).</summary>
    public const string Verified = "verified";

    /// <summary>The re-run made a result, and it differs from the submitted one.</summary>
    public const string Mismatch = "mismatch";

    /// <summary>The re-run made no result: the worker failed or a sandbox limit stopped it.</summary>
    public const string Failed = "failed";
}
