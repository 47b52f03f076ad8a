namespace EarlyExitBench.Harness.Site;

/// <summary>A series of a site chart.</summary>
/// <param name="Name">Its legend entry.</param>
/// <param name="Dots">Its points, in drawing order.</param>
/// <param name="Joined">Whether a line joins the points (a front, a curve) or they stand alone.</param>
internal sealed record ChartLine(string Name, IReadOnlyList<ChartDot> Dots, bool Joined = true);
