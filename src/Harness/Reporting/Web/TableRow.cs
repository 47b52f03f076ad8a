namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>A row of a <see cref="DataTable"/>.</summary>
/// <param name="Cells">One cell per column.</param>
/// <param name="Marked">Whether to highlight the row (e.g. tied with the leader).</param>
public sealed record TableRow(IReadOnlyList<TableCell> Cells, bool Marked = false);
