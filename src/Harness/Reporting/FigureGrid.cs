namespace EarlyExitBench.Harness.Reporting;

/// <summary>One figure, or several small ones side by side (they wrap to one column on a phone).</summary>
/// <param name="Figures">The figures.</param>
/// <param name="Caption">A caption for the whole grid; null for none.</param>
public sealed record FigureGrid(IReadOnlyList<Figure> Figures, string? Caption = null) : ReportBlock;
