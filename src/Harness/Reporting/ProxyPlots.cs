using EarlyExitBench.Harness.Results;
using ScottPlot;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>How well each proxy predicts efficiency: one bar per proxy, and one small scatter panel per proxy.</summary>
internal static class ProxyPlots
{
    /// <summary>Spearman ρ of each proxy with efficiency and its bootstrap interval, as horizontal bars (names stay upright and legible).</summary>
    public static Figure Correlations(IReadOnlyList<KeyValuePair<string, CorrelationResult>> proxies, string stem)
    {
        var plot = PlotCanvas.Create();
        var ordered = proxies.OrderBy(p => p.Value.Spearman).ToList();
        var bars = plot.Add.Bars(ordered.Select((p, i) => new Bar { Position = i, Value = p.Value.Spearman ?? 0, FillColor = (p.Value.Spearman ?? 0) < 0 ? Colors.IndianRed : Colors.SteelBlue, LineWidth = 0, Size = 0.7 }).ToList());
        bars.Horizontal = true;

        // The bootstrap interval is not symmetric around ρ, so it is drawn as a segment rather than a ± error bar.
        foreach (var (proxy, i) in ordered.Select((p, i) => (p, i)))
        {
            if (proxy.Value.SpearmanCi is { } ci)
            {
                var segment = plot.Add.Line(ci[0], i, ci[1], i);
                segment.LineWidth = 2;
                segment.Color = Colors.Black;
            }
        }

        plot.Axes.Left.SetTicks(Enumerable.Range(0, ordered.Count).Select(i => (double)i).ToArray(), ordered.Select(p => p.Key).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(0.25);
        plot.Axes.SetLimitsX(-1.05, 1.05);
        plot.Axes.SetLimitsY(-0.6, ordered.Count - 0.4);
        var zero = plot.Add.VerticalLine(0);
        zero.Color = Colors.Gray;
        zero.LineWidth = 1;
        plot.Title("Which proxy predicts efficiency?");
        plot.XLabel("Spearman ρ with the efficiency score (bar) and its 95% bootstrap interval (line)");
        var height = Math.Max(320, 60 + (26 * ordered.Count));
        return PlotCanvas.Render(plot, 900, height, stem + "__proxies.png",
            "Spearman correlation of each proxy with the efficiency score",
            "Each proxy's mean over exits against the efficiency score, across the global-threshold methods (both averaged over seeds). "
            + "Lower-is-better proxies (ECE, Brier, NLL, AURC, …) predict well when ρ is strongly negative.");
    }

    /// <summary>One proxy against efficiency, one point per global-threshold entry, titled with ρ and its interval.</summary>
    public static Figure Scatter(string proxy, CorrelationResult correlation, IReadOnlyList<(double Proxy, double Score)> points, string stem)
    {
        var plot = PlotCanvas.Create(small: true);
        var scatter = plot.Add.ScatterPoints(points.Select(p => p.Proxy).ToArray(), points.Select(p => p.Score).ToArray());
        scatter.MarkerSize = 6;
        scatter.Color = Colors.SteelBlue;
        var ci = correlation.SpearmanCi is { } c ? " " + ReportText.Interval(c, "F2") : string.Empty;
        plot.Title($"{proxy}: ρ = {ReportText.F(correlation.Spearman, "F2")}{ci}", size: 14);
        plot.XLabel($"{proxy} (mean over exits)");
        plot.YLabel("efficiency score");
        return PlotCanvas.Render(plot, 340, 300, $"{stem}__proxy_{ReportText.Safe(proxy)}.png",
            $"{proxy} against the efficiency score",
            $"{points.Count} methods.");
    }
}
