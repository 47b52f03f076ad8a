using EarlyExitBench.Harness.Cells;
using EarlyExitBench.Harness.Methods;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Harness.Leaderboard;

/// <summary>
/// The one document builder of <c>run</c>, <c>evaluate</c> and <c>merge</c>: a leaderboard is a pure function of the plan
/// and the set of cell results. Groups, seeds and failures follow plan order, never the order cells finished in.
/// </summary>
public static class LeaderboardBuilder
{
    /// <summary>Builds the leaderboard of <paramref name="manifest"/> from whichever of its cells are in <paramref name="cells"/>.</summary>
    /// <param name="manifest">The plan.</param>
    /// <param name="cells">Finished cells, in any order; cells not in the plan are ignored.</param>
    /// <param name="extraFailures">Failures that belong to no cell result, e.g. cells missing from a merge.</param>
    /// <param name="environment">Where it ran.</param>
    /// <param name="totalSeconds">Wall-clock seconds of the command.</param>
    public static LeaderboardDocument Build(
        PlanManifest manifest, IEnumerable<StoredCell> cells, IReadOnlyList<FailureRecord> extraFailures, EnvironmentInfo environment, double totalSeconds)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(extraFailures);
        var byKey = cells.GroupBy(c => c.Result.Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var present = manifest.Cells.Where(c => byKey.ContainsKey(c.Key)).Select(c => (Cell: c, Stored: byKey[c.Key])).ToList();

        Func<string, bool> isProxy = manifest.Metrics is { } metrics
            ? name => metrics.FirstOrDefault(m => m.Name == name)?.Proxy ?? true
            : GroupAssembler.IsProxyByDefault;
        var groups = new List<GroupResult>();
        foreach (var group in present.GroupBy(p => p.Cell.Group))
        {
            var members = group.ToList();
            var methods = members.SelectMany(m => m.Stored.Result.Methods).ToList();
            var exits = members.Select(m => m.Stored.Result.Exits).FirstOrDefault(e => e.Count > 0);
            if (methods.Count == 0 || exits is null)
            {
                continue;
            }

            groups.Add(new GroupResult(
                group.Key.Dataset,
                group.Key.Architecture,
                members[0].Cell.ArchitectureOptions,
                group.Key.Recipe,
                exits,
                GroupAssembler.Rank(methods, isProxy),
                GroupAssembler.Correlate(methods, manifest.BootstrapResamples, manifest.BootstrapSeed, isProxy: isProxy),
                GroupAssembler.Correlate(methods, manifest.BootstrapResamples, manifest.BootstrapSeed, pooled: true, isProxy: isProxy),
                GroupAssembler.CorrelateByPolicy(methods, manifest.BootstrapResamples, manifest.BootstrapSeed, isProxy),
                members.SelectMany(m => m.Stored.Result.Fits).ToList(),
                ReliabilityDiagram.Pool(members.SelectMany(m => m.Stored.Result.Reliability ?? []))));
        }

        return new LeaderboardDocument(
            LeaderboardDocument.CurrentSchemaVersion,
            manifest.Suite,
            manifest.Provenance,
            manifest.CostConvention,
            manifest.Metrics ?? [],
            RankingUncertainty.Convention,
            groups,
            [.. present.SelectMany(p => p.Stored.Result.Failures), .. extraFailures],
            environment,
            new TimingInfo(
                Math.Round(totalSeconds, 3),
                present.SelectMany(p => p.Stored.Timing.Phases).ToList(),
                present.Select(p => p.Stored.Timing.Measurement).OfType<EarlyExitBench.Harness.Measurement.MeasurementRecord>().ToList()));
    }
}
