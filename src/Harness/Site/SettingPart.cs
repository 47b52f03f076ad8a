using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Site;

/// <summary>What one submission reports for one setting: its leaderboard group and the cells behind it.</summary>
/// <param name="Submission">The submission.</param>
/// <param name="Group">Its group of this setting, as its leaderboard ranks it.</param>
/// <param name="Cells">The cells of the group (one per seed), in plan order.</param>
public sealed record SettingPart(SiteSubmission Submission, GroupResult Group, IReadOnlyList<SiteCell> Cells);
