namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>One data point of a <see cref="ChartSeries"/>.</summary>
/// <param name="X">Value on the horizontal axis.</param>
/// <param name="Y">Value on the vertical axis.</param>
/// <param name="Tip">What hovering the point shows ("method: x, y"); null draws the point on the line only, with no marker.</param>
public sealed record ChartPoint(double X, double Y, string? Tip);
