using EarlyExitBench.Harness.Cells;
using EarlyExitBench.Harness.Methods;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Leaderboard;

/// <summary>
/// The one document builder of <c>run</c>, <c>evaluate</c> and <c>merge</c>: a leaderboard is a pure function of the plan
/// and the set of cell results. Groups, seeds and failures follow plan order, never the order cells finished in. Here, and
/// only here (with <see cref="GroupAssembler"/> and <see cref="ResultsMapping"/>), pipeline records become the published
/// format of <see cref="Results"/>.
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
        PlanManifest manifest, IEnumerable<StoredCell> cells, IReadOnlyList<Plugins.FailureRecord> extraFailures, EnvironmentInfo environment, double totalSeconds)
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
                exits.Select(e => e.ToResults()).ToList(),
                GroupAssembler.Rank(methods, isProxy),
                GroupAssembler.Correlate(methods, manifest.BootstrapResamples, manifest.BootstrapSeed, isProxy: isProxy).ToResults(),
                GroupAssembler.Correlate(methods, manifest.BootstrapResamples, manifest.BootstrapSeed, pooled: true, isProxy: isProxy).ToResults(),
                new SortedDictionary<string, IReadOnlyDictionary<string, Results.CorrelationResult>>(
                    GroupAssembler.CorrelateByPolicy(methods, manifest.BootstrapResamples, manifest.BootstrapSeed, isProxy).ToDictionary(p => p.Key, p => p.Value.ToResults()),
                    StringComparer.Ordinal),
                members.SelectMany(m => m.Stored.Result.Fits).Select(f => f.ToResults()).ToList(),
                ReliabilityPooling.Pool(members.SelectMany(m => m.Stored.Result.Reliability ?? []))));
        }

        return new LeaderboardDocument(
            LeaderboardDocument.CurrentSchemaVersion,
            manifest.Suite.ToResults(),
            manifest.Provenance?.ToResults(),
            manifest.CostConvention,
            (manifest.Metrics ?? []).Select(m => m.ToResults()).ToList(),
            RankingUncertainty.Convention,
            groups,
            [.. present.SelectMany(p => p.Stored.Result.Failures).Concat(extraFailures).Select(f => f.ToResults())],
            environment,
            new TimingInfo(
                Math.Round(totalSeconds, 3),
                present.SelectMany(p => p.Stored.Timing.Phases).Select(t => t.ToResults()).ToList(),
                present.Select(p => p.Stored.Timing.Measurement).OfType<Measurement.MeasurementRecord>().Select(m => m.ToResults()).ToList()));
    }
}
