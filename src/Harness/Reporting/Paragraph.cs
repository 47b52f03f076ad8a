namespace EarlyExitBench.Harness.Reporting;

/// <summary>A paragraph of plain text.</summary>
/// <param name="Text">The text; renderers escape it.</param>
/// <param name="Lead">True for the one-line summary a reader should see first (bold in HTML).</param>
public sealed record Paragraph(string Text, bool Lead = false) : ReportBlock;
