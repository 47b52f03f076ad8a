namespace EarlyExitBench.Harness.Reporting;

/// <summary>A table of plain-text cells.</summary>
/// <param name="Headers">Column headers.</param>
/// <param name="RightAligned">Per column, whether it holds numbers (right-aligned).</param>
/// <param name="Rows">Rows, each as long as <paramref name="Headers"/>.</param>
/// <param name="Marked">Per row, whether to highlight it (e.g. tied with the leader); empty for none.</param>
public sealed record ReportTable(IReadOnlyList<string> Headers, IReadOnlyList<bool> RightAligned, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> Marked) : ReportBlock;
