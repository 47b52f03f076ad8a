namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>A bar on a chart's secondary scale (e.g. the predictions in a reliability bin), drawn behind the series.</summary>
/// <param name="X0">Left edge on the horizontal axis.</param>
/// <param name="X1">Right edge on the horizontal axis.</param>
/// <param name="Value">Height on the secondary scale (0 to <see cref="Chart.BarScale"/> fills the plot).</param>
/// <param name="Tip">What hovering the bar shows.</param>
/// <param name="Color">Palette index, as <see cref="ChartSeries.Color"/>.</param>
public sealed record ChartBar(double X0, double X1, double Value, string Tip, int Color);
