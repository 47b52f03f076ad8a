namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>One named series of a <see cref="Chart"/>, one legend entry.</summary>
/// <param name="Name">Legend text (plain).</param>
/// <param name="Points">The points, in drawing order.</param>
/// <param name="Style">Line, steps or markers.</param>
/// <param name="Color">Palette index: 0–9 the categorical colours, <see cref="Black"/>, <see cref="Red"/> or <see cref="Gray"/>.</param>
/// <param name="Shape">Marker shape.</param>
/// <param name="Hollow">Open markers (outline only).</param>
/// <param name="Dashed">A dashed line (a reference such as the diagonal of perfect calibration).</param>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, SeriesStyle Style, int Color, MarkerShape Shape = MarkerShape.Circle, bool Hollow = false, bool Dashed = false)
{
    /// <summary>Palette index of black.</summary>
    public const int Black = 10;

    /// <summary>Palette index of red.</summary>
    public const int Red = 11;

    /// <summary>Palette index of gray.</summary>
    public const int Gray = 12;
}
