using EarlyExitBench.Harness.Results;
using ScottPlot;

namespace EarlyExitBench.Harness.Reporting;

/// <summary>Measured latency per exit.</summary>
internal static class LatencyPlots
{
    /// <summary>Milliseconds per sample to reach each exit (no early exit), one bar per batch size.</summary>
    public static Figure? ExitLatency(MeasurementRecord record, string stem)
    {
        var latency = record.Measurement.ExitLatency;
        if (latency.Count == 0)
        {
            return null;
        }

        var plot = PlotCanvas.Create();
        var palette = new ScottPlot.Palettes.Category10();
        var batchSizes = latency.Select(l => l.BatchSize).Distinct().Order().ToList();
        var exits = latency.Select(l => l.Exit).Distinct().Order().ToList();
        var width = 0.8 / batchSizes.Count;
        foreach (var (batch, j) in batchSizes.Select((b, j) => (b, j)))
        {
            var bars = plot.Add.Bars(latency.Where(l => l.BatchSize == batch).OrderBy(l => l.Exit).Select(l => new Bar
            {
                Position = l.Exit - 0.4 + (width * (j + 0.5)),
                Value = l.MsPerSample,
                Size = width * 0.95,
                FillColor = palette.GetColor(j),
                LineWidth = 0,
            }).ToList());
            bars.LegendText = $"batch {batch}";
        }

        plot.Axes.Bottom.SetTicks(exits.Select(e => (double)e).ToArray(), exits.Select(e => $"exit {e}").ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0);
        plot.Title("Latency to each exit");
        plot.YLabel("ms per sample (median)");
        plot.ShowLegend(Alignment.UpperLeft);
        var flops = string.Join(", ", latency.Where(l => l.BatchSize == batchSizes[0]).OrderBy(l => l.Exit).Select(l => $"exit {l.Exit}: {ReportText.F(l.RelativeFlops, "F2")} FLOPs, {ReportText.F(l.RelativeTime, "F2")} time"));
        return PlotCanvas.Render(plot, 900, 420, stem + "__latency.png",
            "Milliseconds per sample to reach each exit, per batch size",
            $"Backbone and every head up to the exit, no early exit; {record.Cell}, {record.Measurement.Device}, {record.Measurement.Threads} thread(s). "
            + $"Relative to the last exit at batch {batchSizes[0]}: {flops}.");
    }
}
