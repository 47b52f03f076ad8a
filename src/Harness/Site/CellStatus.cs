using EarlyExitBench.Harness.Submissions;

namespace EarlyExitBench.Harness.Site;

/// <summary>The verification status of one cell of a submission, as the site shows it.</summary>
public static class CellStatus
{
    /// <summary>Re-run by <c>eebench verify</c> and reproduced.</summary>
    public const string Verified = VerificationRecord.Verified;

    /// <summary>Re-run, and the result differs from the submitted one.</summary>
    public const string Mismatch = VerificationRecord.Mismatch;

    /// <summary>Re-run, and the re-run made no result (the worker failed, or a sandbox limit stopped it).</summary>
    public const string Failed = VerificationRecord.Failed;

    /// <summary>The submission was verified, but this cell was not among the cells drawn.</summary>
    public const string NotSampled = "not sampled";

    /// <summary>The submission has no verification record.</summary>
    public const string NotVerified = "not verified";

    /// <summary>Every status, in the order the site lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Verified, NotSampled, Mismatch, Failed, NotVerified];
}
