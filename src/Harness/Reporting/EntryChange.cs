using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>One method present in both leaderboards of a comparison.</summary>
/// <param name="Group">The group's title.</param>
/// <param name="A">The entry in the first leaderboard.</param>
/// <param name="B">The entry in the second.</param>
/// <param name="ScoreMoved">The efficiency score's 95% intervals do not overlap.</param>
/// <param name="RankMoved">The rank's 95% intervals do not overlap.</param>
public sealed record EntryChange(string Group, EntryResult A, EntryResult B, bool ScoreMoved, bool RankMoved)
{
    /// <summary>Whether anything moved beyond its intervals.</summary>
    public bool Moved => ScoreMoved || RankMoved;
}
