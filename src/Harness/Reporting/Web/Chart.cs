namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>An x–y chart, drawn as inline SVG by <see cref="SvgChart"/>: lines, steps or markers, and optional bars on a second scale.</summary>
/// <param name="Title">Title drawn above the plot.</param>
/// <param name="Alt">What the chart shows, for screen readers.</param>
/// <param name="X">Horizontal axis.</param>
/// <param name="Y">Vertical axis.</param>
/// <param name="Series">The series, drawn in order (later on top).</param>
/// <param name="Caption">How to read it; null for none.</param>
public sealed record Chart(string Title, string Alt, ChartAxis X, ChartAxis Y, IReadOnlyList<ChartSeries> Series, string? Caption = null)
{
    /// <summary>Width in CSS pixels (the SVG scales down to its box).</summary>
    public int Width { get; init; } = 360;

    /// <summary>Height in CSS pixels.</summary>
    public int Height { get; init; } = 320;

    /// <summary>Bars behind the series, on a scale of their own (0 to <see cref="BarScale"/>); empty for none.</summary>
    public IReadOnlyList<ChartBar> Bars { get; init; } = [];

    /// <summary>The bar value that fills the plot's height.</summary>
    public double BarScale { get; init; } = 1;

    /// <summary>Where the last step of a <see cref="SeriesStyle.Steps"/> series ends on the horizontal axis.</summary>
    public double StepEnd { get; init; } = 1;
}
