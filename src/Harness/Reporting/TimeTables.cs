using System.Globalization;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>The measured-time view of a group: methods ranked by FLOPs and by measured time side by side, and where the time of an exit goes.</summary>
internal static class TimeTables
{
    /// <summary>
    /// Every global-threshold method the measured cells scored in time: its FLOP-based score and rank, and per batch size
    /// its time-based score and rank (means over the measured seeds). Rows follow the FLOP ranking; a row whose time rank
    /// differs from its FLOP rank is highlighted.
    /// </summary>
    public static ReportTable? Rankings(IReadOnlyList<MeasurementRecord> measured)
    {
        var scores = measured.SelectMany(m => m.TimeCost).ToList();
        if (scores.Count == 0)
        {
            return null;
        }

        var batches = scores.Select(s => s.BatchSize).Distinct().Order().ToList();
        var methods = scores.GroupBy(s => (s.Calibrator, s.FailurePredictor))
            .Select(g => (Method: g.Key, Flops: g.Where(s => s.BatchSize == batches[0]).Average(s => s.FlopScore), Time: batches.Select(b => g.Where(s => s.BatchSize == b).Select(s => s.Score).DefaultIfEmpty(double.NaN).Average()).ToList()))
            .ToList();
        var flopRank = Ranks(methods.Select(m => m.Flops).ToList());
        var timeRanks = batches.Select((_, j) => Ranks(methods.Select(m => m.Time[j]).ToList())).ToList();
        var order = Enumerable.Range(0, methods.Count).OrderBy(i => flopRank[i]).ThenBy(i => methods[i].Method.Calibrator, StringComparer.Ordinal).ThenBy(i => methods[i].Method.FailurePredictor, StringComparer.Ordinal).ToList();
        var headers = new List<string> { "method", "efficiency (FLOPs)", "rank (FLOPs)" };
        foreach (var b in batches)
        {
            headers.Add($"efficiency (time, batch {b})");
            headers.Add($"rank (time, batch {b})");
        }

        var rows = order.Select(i =>
        {
            var row = new List<string> { $"{methods[i].Method.Calibrator} + {methods[i].Method.FailurePredictor}", ReportText.F(methods[i].Flops), Rank(flopRank[i]) };
            for (var j = 0; j < batches.Count; j++)
            {
                row.Add(ReportText.F(methods[i].Time[j]));
                row.Add(Rank(timeRanks[j][i]));
            }

            return (IReadOnlyList<string>)row;
        }).ToList();
        return new ReportTable(headers, [false, .. Enumerable.Repeat(true, headers.Count - 1)], rows, order.Select(i => timeRanks.Any(r => r[i] != flopRank[i])).ToList());
    }

    /// <summary>Per measured cell and batch size: each exit's forward time and the decision's parts, then the totals and the decision's share.</summary>
    public static ReportTable? Overhead(IReadOnlyList<MeasurementRecord> measured)
    {
        var rows = new List<IReadOnlyList<string>>();
        var marked = new List<bool>();
        foreach (var record in measured)
        {
            foreach (var overhead in record.Measurement.DecisionOverhead)
            {
                foreach (var e in overhead.PerExit)
                {
                    rows.Add([record.Cell, Count(overhead.BatchSize), Count(e.Exit), Ms(e.ForwardMs), Ms(e.CalibrateMs), Ms(e.ScoreMs), Ms(e.GatherMs), "–"]);
                    marked.Add(false);
                }

                rows.Add([record.Cell, Count(overhead.BatchSize), "all", Ms(overhead.ForwardMs), Ms(overhead.PerExit.Sum(e => e.CalibrateMs)), Ms(overhead.PerExit.Sum(e => e.ScoreMs)), Ms(overhead.PerExit.Sum(e => e.GatherMs)), ReportText.F(overhead.Share, "P1")]);
                marked.Add(true);
            }
        }

        return rows.Count == 0
            ? null
            : new ReportTable(["cell", "batch", "exit", "forward (ms)", "calibrate (ms)", "score (ms)", "gather (ms)", "decision / forward"], [false, true, true, true, true, true, true, true], rows, marked);
    }

    /// <summary>Competition ranks (1 = best, ties share the best rank); NaN ranks last.</summary>
    private static int[] Ranks(IReadOnlyList<double> values) =>
        values.Select(v => double.IsNaN(v) ? values.Count : 1 + values.Count(o => o > v)).ToArray();

    private static string Rank(int rank) => rank.ToString(CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
