namespace EarlyExitBench.Harness.Submissions;

/// <summary>How large a submission may be, checked before anything is read in full.</summary>
/// <param name="MaxFiles">Files in the submission.</param>
/// <param name="MaxFileBytes">Bytes of one file.</param>
/// <param name="MaxTotalBytes">Bytes of all files together.</param>
/// <param name="MaxDepth">Folders below the submission folder.</param>
/// <param name="MaxUnpackedBytes">Bytes the entries of one zip (<c>.npz</c>) file declare once unpacked.</param>
public sealed record SubmissionLimits(int MaxFiles, long MaxFileBytes, long MaxTotalBytes, int MaxDepth, long MaxUnpackedBytes)
{
    /// <summary>Generous for real suites (a Fashion-MNIST cell is about 2 MB), small enough that a bomb is refused at once.</summary>
    public static SubmissionLimits Default { get; } = new(10_000, 256L << 20, 4L << 30, 4, 1L << 30);
}
