namespace EarlyExitBench.Harness.Submissions;

/// <summary>
/// <c>submission.json</c>: what a submission holds and what it claims, checked against <c>schemas/submission.schema.json</c>.
/// Every other file of the submission is listed in <see cref="Files"/> with its size and SHA-256; nothing unlisted is allowed.
/// </summary>
/// <param name="Format">The submission format (<see cref="CurrentFormat"/>).</param>
/// <param name="Pin">The benchmark version its entries belong to.</param>
/// <param name="Machine">The machine that ran the cells (from the run's leaderboard), or null when the run wrote none.</param>
/// <param name="Cells">Every cell of the plan with the SHA-256 of its result.</param>
/// <param name="Plugins">Every plugin assembly the plan used: included in the submission, or shipped with eebench.</param>
/// <param name="Files">Every file of the submission but this one, by path.</param>
public sealed record SubmissionManifest(
    int Format,
    SubmissionPin Pin,
    SubmittedMachine? Machine,
    IReadOnlyList<SubmittedCell> Cells,
    IReadOnlyList<SubmittedPlugin> Plugins,
    IReadOnlyList<SubmittedFile> Files)
{
    /// <summary>The format this eebench writes and reads.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The manifest's file name.</summary>
    public const string FileName = "submission.json";
}
