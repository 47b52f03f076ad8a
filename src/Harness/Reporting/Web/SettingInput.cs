using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>What a <see cref="SettingPage"/> shows: one group of a leaderboard and what its readers need beside it.</summary>
/// <param name="Group">The setting (dataset × architecture × recipe): its exits, ranked entries, correlations and diagrams.</param>
/// <param name="Metrics">The leaderboard's <c>metrics[]</c> (which way each proxy is better); empty when unknown.</param>
public sealed record SettingInput(GroupResult Group, IReadOnlyList<MetricSummary> Metrics)
{
    /// <summary>The leaderboard's measured dynamic inference for this group's cells (<see cref="GroupSection.BelongsTo"/>); empty for none.</summary>
    public IReadOnlyList<MeasurementRecord> Measurements { get; init; } = [];

    /// <summary>The input for <paramref name="group"/> of <paramref name="document"/>, with the document's metrics and the group's measurements.</summary>
    public static SettingInput From(LeaderboardDocument document, GroupResult group)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(group);
        return new SettingInput(group, document.Metrics)
        {
            Measurements = document.Timing.Measurements.Where(m => GroupSection.BelongsTo(group, m.Cell)).ToList(),
        };
    }
}
