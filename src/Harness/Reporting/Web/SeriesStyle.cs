namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>How a <see cref="ChartSeries"/> is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>Straight segments between the points, markers at the points with a tip.</summary>
    Line,

    /// <summary>A step function: each point's value holds until the next point's x (the last until <see cref="Chart.StepEnd"/>); markers at the points.</summary>
    Steps,

    /// <summary>Markers only.</summary>
    Markers,
}
