using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Site;

/// <summary>One ranked entry of a setting, with the submissions that report it and the cells its numbers come from.</summary>
/// <param name="Entry">The entry, ranked within its table.</param>
/// <param name="Submissions">The submissions reporting it (two when both report the identical result), by name.</param>
/// <param name="Cells">The cells behind it: every seed of every submission in <paramref name="Submissions"/>, with the submission's name.</param>
public sealed record SiteRow(EntryResult Entry, IReadOnlyList<string> Submissions, IReadOnlyList<(string Submission, SiteCell Cell)> Cells)
{
    /// <summary>The method's key, as the method pages name it.</summary>
    public string Method => SiteSetting.MethodName(Entry);

    /// <summary>
    /// The verification column: each cell's status, e.g. <c>seed 3: verified; seed 4: not sampled</c>, each prefixed with its
    /// submission where the row has several.
    /// </summary>
    public string Verification => string.Join("; ", Cells.Select(c => (Submissions.Count > 1 ? c.Submission + " " : "") + $"seed {c.Cell.Seed}: {c.Cell.Status}"));
}
