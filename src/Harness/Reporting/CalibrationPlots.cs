using EarlyExitBench.Harness.Results;
using ScottPlot;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>The plots of calibration and failure-prediction papers: reliability diagrams and risk–coverage curves, per exit.</summary>
internal static class CalibrationPlots
{
    /// <summary>
    /// Accuracy against mean confidence per bin for each calibrator in <paramref name="diagrams"/> at one exit, over the
    /// diagonal of perfect calibration, with each bin's sample count as bars on the right axis.
    /// </summary>
    public static Figure Reliability(GroupResult group, IReadOnlyList<ReliabilityDiagram> diagrams, int exit, string stem)
    {
        var plot = PlotCanvas.Create(small: true);
        var palette = new ScottPlot.Palettes.Category10();
        var bins = diagrams[0].PerExit[exit].Counts.Length;
        var width = 1.0 / bins;
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.Color = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfect calibration";
        foreach (var (diagram, i) in diagrams.Select((d, i) => (d, i)))
        {
            var data = diagram.PerExit[exit];
            var color = palette.GetColor(i);

            // Counts first, so the curves are drawn over them; side by side within each bin.
            var bars = plot.Add.Bars(
                Enumerable.Range(0, bins).Select(m => (m + 0.25 + (0.5 * i)) * width).ToArray(),
                data.Counts.Select(c => (double)c).ToArray());
            bars.Color = color.WithAlpha(0.25);
            foreach (var bar in bars.Bars)
            {
                bar.Size = width * 0.45;
                bar.LineWidth = 0;
            }

            bars.Axes.YAxis = plot.Axes.Right;
            var filled = Enumerable.Range(0, bins).Where(m => data.Confidence[m] is not null).ToList();
            var curve = plot.Add.Scatter(filled.Select(m => data.Confidence[m]!.Value).ToArray(), filled.Select(m => data.Accuracy[m]!.Value).ToArray());
            curve.Color = color;
            curve.LineWidth = 2;
            curve.MarkerSize = 7;
            curve.LegendText = diagram.Calibrator;
        }

        plot.Axes.SetLimits(0, 1, 0, 1, plot.Axes.Bottom, plot.Axes.Left);
        // Bars fill at most the lower third, so they never hide the curves; their axis starts at 0 like their bases.
        var most = diagrams.Max(d => d.PerExit[exit].Counts.DefaultIfEmpty(0).Max());
        plot.Axes.Right.Label.Text = "predictions per bin (bars)";
        plot.Axes.SetLimitsY(0, Math.Max(1, most) * 3.0, plot.Axes.Right);
        plot.Title($"Reliability, exit {exit + 1}");
        plot.XLabel("confidence (max probability)");
        plot.YLabel("accuracy");
        plot.ShowLegend(Edge.Bottom);
        return PlotCanvas.Render(plot, 480, 480, $"{stem}__reliability_exit{exit + 1}.png",
            $"Reliability diagram of exit {exit + 1}: {string.Join(" vs ", diagrams.Select(d => d.Calibrator))}",
            $"Exit {exit + 1}: accuracy against mean confidence in each of {bins} equal-width bins (lines) and the predictions in each bin (bars, right axis).");
    }

    /// <summary>Selective risk against coverage at one exit for the given entries.</summary>
    public static Figure RiskCoverage(IReadOnlyList<EntryResult> entries, int exit, string stem)
    {
        var plot = PlotCanvas.Create(small: true);
        foreach (var entry in entries)
        {
            var curves = entry.RiskCoverage!;
            var line = plot.Add.ScatterLine(curves.Coverage.ToArray(), curves.Risk[exit]);
            line.LineWidth = 2;
            line.LegendText = $"{entry.Calibrator} + {entry.FailurePredictor}";
        }

        plot.Axes.SetLimitsX(0, 1);
        plot.Title($"Risk–coverage, exit {exit + 1}");
        plot.XLabel("coverage (share of samples accepted)");
        plot.YLabel("selective risk (error rate)");
        plot.ShowLegend(Edge.Bottom);
        return PlotCanvas.Render(plot, 480, 480, $"{stem}__risk_coverage_exit{exit + 1}.png",
            $"Risk–coverage curves of exit {exit + 1}",
            $"Exit {exit + 1}: error rate among the most confident samples as more are accepted (lower is better; AURC is the area). "
            + $"Coverage grid of {entries[0].RiskCoverage!.Coverage.Count} points, averaged over seeds.");
    }
}
