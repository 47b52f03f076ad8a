using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Methods;
using ScottPlot;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>PNG plots of a leaderboard group (ScottPlot).</summary>
internal static class Plots
{
    /// <summary>A(x) steps of the best global-threshold methods (first seed), every exit alone, and the oracle.</summary>
    public static string ParetoFronts(GroupResult group, int methods, string path)
    {
        var plot = new Plot();
        var best = group.Entries.Where(e => e.ExitPolicy == CellEvaluator.GlobalThreshold).Take(methods).ToList();
        foreach (var entry in best)
        {
            var front = entry.PerSeed[0].ParetoFront;
            if (front.Count == 0)
            {
                continue;
            }

            var (xs, ys) = Steps(front);
            var line = plot.Add.ScatterLine(xs, ys);
            line.LegendText = $"{entry.Calibrator}+{entry.FailurePredictor} ({entry.Efficiency.Score:F4})";
        }

        var exits = best.Count > 0 ? best[0].PerExit : [];
        if (exits.Count == group.Exits.Count)
        {
            var markers = plot.Add.ScatterPoints(group.Exits.Select(e => e.RelativeCost).ToArray(), exits.Select(e => e.Accuracy).ToArray());
            markers.LegendText = "single exits";
            markers.MarkerSize = 9;
        }

        if (best.Count > 0)
        {
            var oracle = plot.Add.ScatterPoints(new[] { best[0].Efficiency.Oracle.RelativeCost }, new[] { best[0].Efficiency.Oracle.Accuracy });
            oracle.LegendText = "oracle";
            oracle.MarkerShape = MarkerShape.FilledDiamond;
            oracle.MarkerSize = 11;
        }

        plot.Title($"{group.Dataset} / {group.Architecture}: accuracy vs cost");
        plot.XLabel("relative cost (FLOPs / cost of the last exit)");
        plot.YLabel("test accuracy");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 900, 600);
        return path;
    }

    /// <summary>Spearman ρ of each proxy with efficiency, with its bootstrap interval.</summary>
    public static string ProxyCorrelations(IReadOnlyList<KeyValuePair<string, CorrelationResult>> proxies, string title, string path)
    {
        var plot = new Plot();
        var ordered = proxies.OrderBy(p => p.Value.Spearman).ToList();
        var bars = ordered.Select((p, i) => new Bar
        {
            Position = i,
            Value = p.Value.Spearman ?? 0,
        }).ToList();
        plot.Add.Bars(bars);

        // The bootstrap interval is not symmetric around ρ, so draw it as a segment rather than a ± error bar.
        foreach (var (proxy, i) in ordered.Select((p, i) => (p, i)))
        {
            if (proxy.Value.SpearmanCi is { } ci)
            {
                var segment = plot.Add.Line(i, ci[0], i, ci[1]);
                segment.LineWidth = 2;
                segment.Color = Colors.Black;
            }
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, ordered.Count).Select(i => (double)i).ToArray(), ordered.Select(p => p.Key).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 110;
        plot.Axes.SetLimitsY(-1.05, 1.05);
        plot.Title($"{title}: Spearman ρ of each proxy with efficiency");
        plot.YLabel("Spearman ρ (95% bootstrap CI)");
        plot.SavePng(path, 900, 600);
        return path;
    }

    private static (double[] Xs, double[] Ys) Steps(IReadOnlyList<OperatingPoint> front)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < front.Count; i++)
        {
            xs.Add(front[i].RelativeCost);
            ys.Add(front[i].Accuracy);
            var next = i + 1 < front.Count ? front[i + 1].RelativeCost : 1.0;
            xs.Add(next);
            ys.Add(front[i].Accuracy);
        }

        return (xs.ToArray(), ys.ToArray());
    }
}
