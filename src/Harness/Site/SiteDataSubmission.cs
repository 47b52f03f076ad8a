using EarlyExitBench.Harness.Submissions;

namespace EarlyExitBench.Harness.Site;

/// <summary>One submission of <see cref="SiteData"/>.</summary>
/// <param name="Name">Its folder's name.</param>
/// <param name="SubmissionSha256">SHA-256 of its <c>submission.json</c>.</param>
/// <param name="Pin">The benchmark version it is pinned to.</param>
/// <param name="Machine">The machine its cells ran on; null when its run recorded none.</param>
/// <param name="Plugins">Every plugin assembly its plan used.</param>
/// <param name="Cells">Every cell with its verification status.</param>
/// <param name="Verification">Its verification record; null when it has none.</param>
public sealed record SiteDataSubmission(
    string Name, string SubmissionSha256, SubmissionPin Pin, SubmittedMachine? Machine, IReadOnlyList<SubmittedPlugin> Plugins, IReadOnlyList<SiteCell> Cells,
    VerificationRecord? Verification);
