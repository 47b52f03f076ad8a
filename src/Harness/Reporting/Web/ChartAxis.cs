namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>An axis of a <see cref="Chart"/>: its label and the range it shows.</summary>
/// <param name="Label">Axis title.</param>
/// <param name="Min">Lowest value shown.</param>
/// <param name="Max">Highest value shown (greater than <paramref name="Min"/>).</param>
public sealed record ChartAxis(string Label, double Min, double Max)
{
    /// <summary>The axis counts whole things (rankings, images): its ticks are whole numbers, never 0.5 apart.</summary>
    public bool Whole { get; init; }

    /// <summary>The tick step for about <paramref name="ticks"/> ticks: <see cref="ChartGeometry.NiceStep"/>, at least 1 on a <see cref="Whole"/> axis.</summary>
    public double Step(int ticks) => Math.Max(ChartGeometry.NiceStep(Max - Min, ticks), Whole ? 1 : 0);

    /// <summary>An axis over <paramref name="values"/>, widened to whole tick steps (<see cref="ChartGeometry.NiceRange"/>).</summary>
    public static ChartAxis Fit(string label, IEnumerable<double> values)
    {
        var (min, max) = ChartGeometry.NiceRange(values);
        return new ChartAxis(label, min, max);
    }
}
