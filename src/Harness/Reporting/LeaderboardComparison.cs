using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>
/// What changed between two leaderboards, judged by their intervals: a value moved when its 95% interval in one does
/// not overlap its 95% interval in the other. Groups match by (dataset, architecture, recipe), entries by (calibrator,
/// failure predictor, exit policy). Values without an interval on either side are shown but never count as moved.
/// </summary>
/// <param name="Entries">Every entry present in both.</param>
/// <param name="Proxies">Every proxy correlation present in both.</param>
/// <param name="Unmatched">Groups and entries found in only one leaderboard, in words.</param>
public sealed record LeaderboardComparison(IReadOnlyList<EntryChange> Entries, IReadOnlyList<ProxyChange> Proxies, IReadOnlyList<string> Unmatched)
{
    /// <summary>Whether any score, rank or proxy correlation moved beyond its intervals.</summary>
    public bool AnyMoved => Entries.Any(e => e.Moved) || Proxies.Any(p => p.Moved);

    /// <summary>Compares <paramref name="a"/> (before) with <paramref name="b"/> (after).</summary>
    public static LeaderboardComparison Of(LeaderboardDocument a, LeaderboardDocument b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var entries = new List<EntryChange>();
        var proxies = new List<ProxyChange>();
        var unmatched = new List<string>();
        var groupsB = b.Groups.ToDictionary(GroupKey);
        foreach (var groupA in a.Groups)
        {
            var title = ReportText.GroupTitle(groupA);
            if (!groupsB.Remove(GroupKey(groupA), out var groupB))
            {
                unmatched.Add($"group {title}: only in A");
                continue;
            }

            var entriesB = groupB.Entries.ToDictionary(EntryKey);
            foreach (var entryA in groupA.Entries)
            {
                if (!entriesB.Remove(EntryKey(entryA), out var entryB))
                {
                    unmatched.Add($"{title}: {ReportText.Method(entryA)} only in A");
                    continue;
                }

                entries.Add(new EntryChange(title, entryA, entryB, Disjoint(entryA.Efficiency.ScoreCi, entryB.Efficiency.ScoreCi), Disjoint(ToDouble(entryA.RankCi), ToDouble(entryB.RankCi))));
            }

            unmatched.AddRange(groupB.Entries.Where(e => entriesB.ContainsKey(EntryKey(e))).Select(e => $"{title}: {ReportText.Method(e)} only in B"));
            foreach (var (proxy, correlationA) in groupA.ProxyCorrelation)
            {
                if (groupB.ProxyCorrelation.TryGetValue(proxy, out var correlationB))
                {
                    var moved = Disjoint(correlationA.SpearmanCi, correlationB.SpearmanCi) || Disjoint(correlationA.KendallCi, correlationB.KendallCi);
                    proxies.Add(new ProxyChange(title, proxy, correlationA, correlationB, moved));
                }
            }
        }

        unmatched.AddRange(b.Groups.Where(g => groupsB.ContainsKey(GroupKey(g))).Select(g => $"group {ReportText.GroupTitle(g)}: only in B"));
        return new LeaderboardComparison(entries, proxies, unmatched);
    }

    private static (string, string, string) GroupKey(GroupResult g) => (g.Dataset, g.Architecture, g.Recipe);

    private static (string, string, string) EntryKey(EntryResult e) => (e.Calibrator, e.FailurePredictor, e.ExitPolicy);

    private static double[]? ToDouble(int[]? interval) => interval?.Select(v => (double)v).ToArray();

    private static bool Disjoint(double[]? a, double[]? b) => a is { Length: 2 } && b is { Length: 2 } && (a[1] < b[0] || b[1] < a[0]);
}
