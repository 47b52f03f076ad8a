using EarlyExitBench.Harness.Results;
using ScottPlot;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>Accuracy against cost: the FLOP-based Pareto fronts, and the measured-time counterpart when a cell was timed.</summary>
internal static class CostPlots
{
    /// <summary>A(x) of the best entries (first seed's front), each exit alone, and the oracle.</summary>
    public static Figure Fronts(GroupResult group, IReadOnlyList<EntryResult> best, string stem)
    {
        var plot = PlotCanvas.Create();
        foreach (var entry in best)
        {
            var front = entry.PerSeed[0].ParetoFront;
            if (front.Count == 0)
            {
                continue;
            }

            var (xs, ys) = Steps(front);
            var line = plot.Add.ScatterLine(xs, ys);
            line.LineWidth = 2;
            line.LegendText = $"{ReportText.Method(entry)}  {ReportText.Score(entry.Efficiency)}";
        }

        if (best.Count > 0 && best[0].PerExit.Count == group.Exits.Count)
        {
            var markers = plot.Add.ScatterPoints(group.Exits.Select(e => e.RelativeCost).ToArray(), best[0].PerExit.Select(e => e.Accuracy).ToArray());
            markers.LegendText = "single exits (no early exit)";
            markers.MarkerSize = 10;
            markers.MarkerShape = MarkerShape.FilledSquare;
            markers.Color = Colors.Black;
            var oracle = plot.Add.ScatterPoints(new[] { best[0].Efficiency.Oracle.RelativeCost }, new[] { best[0].Efficiency.Oracle.Accuracy });
            oracle.LegendText = "oracle (earliest correct exit)";
            oracle.MarkerShape = MarkerShape.FilledDiamond;
            oracle.MarkerSize = 13;
            oracle.Color = Colors.Crimson;
        }

        plot.Title($"{ReportText.GroupTitle(group)}: accuracy vs compute");
        plot.XLabel("relative cost: mean FLOPs per sample / FLOPs of the last exit");
        plot.YLabel("test accuracy");
        plot.ShowLegend(Alignment.LowerRight);
        var seeds = best.Count > 0 && best[0].PerSeed.Count > 1 ? $" (seed {best[0].PerSeed[0].Seed} of {best[0].PerSeed.Count}; the score is the mean over seeds)" : string.Empty;
        return PlotCanvas.Render(plot, 900, 560, stem + "__pareto.png",
            $"{group.Dataset} / {group.Architecture}: accuracy against relative FLOPs for the {best.Count} best methods",
            $"Pareto front A(x) of the {best.Count} best global-threshold methods{seeds}; the legend gives each method's efficiency score with its 95% bootstrap interval. "
            + "Squares: every sample at one exit. Diamond: the oracle.");
    }

    /// <summary>Measured dynamic inference: each timed threshold in FLOPs (open) and in wall-clock time (filled), per batch size.</summary>
    public static Figure? MeasuredTime(GroupResult group, MeasurementRecord record, string stem)
    {
        var measurement = record.Measurement;
        if (measurement.Thresholds.Count == 0)
        {
            return null;
        }

        var plot = PlotCanvas.Create();
        var palette = new ScottPlot.Palettes.Category10();
        var batchSizes = measurement.Thresholds.Select(t => t.BatchSize).Distinct().Order().ToList();
        foreach (var (batch, i) in batchSizes.Select((b, i) => (b, i)))
        {
            var points = measurement.Thresholds.Where(t => t.BatchSize == batch).OrderBy(t => t.RelativeFlops).ToList();
            var color = palette.GetColor(i);
            var time = plot.Add.ScatterPoints(points.Select(t => t.RelativeTime).ToArray(), points.Select(t => t.Accuracy).ToArray());
            time.Color = color;
            time.MarkerSize = 10;
            time.LegendText = $"batch {batch}: measured time";
            var flops = plot.Add.ScatterPoints(points.Select(t => t.RelativeFlops).ToArray(), points.Select(t => t.Accuracy).ToArray());
            flops.Color = color;
            flops.MarkerShape = MarkerShape.OpenCircle;
            flops.MarkerSize = 10;
            flops.LegendText = $"batch {batch}: FLOPs";
            foreach (var t in points)
            {
                var arrow = plot.Add.Line(t.RelativeFlops, t.Accuracy, t.RelativeTime, t.Accuracy);
                arrow.Color = color.WithAlpha(0.5);
                arrow.LineWidth = 1.5f;
            }
        }

        plot.Title($"Measured early exit ({record.Calibrator} + {record.FailurePredictor})");
        plot.XLabel("relative cost: FLOPs (open) or wall-clock time (filled), vs the full network");
        plot.YLabel("accuracy on the timed samples");
        plot.ShowLegend(Alignment.LowerRight);
        return PlotCanvas.Render(plot, 900, 520, stem + "__measured.png",
            $"{group.Dataset} / {group.Architecture}: accuracy against relative FLOPs and relative measured time",
            $"Dynamic inference of {record.Calibrator} + {record.FailurePredictor} on {measurement.Samples} test samples ({record.Cell}, {measurement.Device}, "
            + $"{measurement.Threads} thread(s)) at the thresholds of 25/50/75% FLOPs and of matched accuracy. Each line joins a threshold's FLOP cost to its measured time.");
    }

    private static (double[] Xs, double[] Ys) Steps(IReadOnlyList<OperatingPoint> front)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < front.Count; i++)
        {
            xs.Add(front[i].RelativeCost);
            ys.Add(front[i].Accuracy);
            xs.Add(i + 1 < front.Count ? front[i + 1].RelativeCost : 1.0);
            ys.Add(front[i].Accuracy);
        }

        return (xs.ToArray(), ys.ToArray());
    }
}
