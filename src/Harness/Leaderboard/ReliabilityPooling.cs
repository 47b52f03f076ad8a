using EarlyExitBench.Harness.Methods;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Leaderboard;

/// <summary>Pools the cells' reliability bins into the leaderboard's per-group <see cref="ReliabilityDiagram"/>s.</summary>
public static class ReliabilityPooling
{
    /// <summary>Sums each calibrator's bin counts over its seeds, in the order calibrators first appear.</summary>
    public static IReadOnlyList<ReliabilityDiagram> Pool(IEnumerable<CalibratorReliability> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        return seeds.GroupBy(s => s.Calibrator).Select(g =>
        {
            var list = g.ToList();
            var exits = list.Min(s => s.PerExit.Count);
            return new ReliabilityDiagram(g.Key, Enumerable.Range(0, exits).Select(k => Pool(k, list.Select(s => s.PerExit[k]).ToList())).ToList());
        }).ToList();
    }

    private static ReliabilityBins Pool(int exit, IReadOnlyList<ExitReliability> seeds)
    {
        var bins = seeds.Min(s => s.Counts.Length);
        var counts = new int[bins];
        var confidence = new double?[bins];
        var accuracy = new double?[bins];
        for (var m = 0; m < bins; m++)
        {
            counts[m] = seeds.Sum(s => s.Counts[m]);
            if (counts[m] > 0)
            {
                confidence[m] = Math.Round(seeds.Sum(s => s.ConfidenceSum[m]) / counts[m], 6);
                accuracy[m] = Math.Round((double)seeds.Sum(s => s.Correct[m]) / counts[m], 6);
            }
        }

        return new ReliabilityBins(exit + 1, counts, confidence, accuracy);
    }
}
