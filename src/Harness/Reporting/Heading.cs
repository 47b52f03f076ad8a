namespace EarlyExitBench.Harness.Reporting;

/// <summary>A section heading; level 2 headings make the HTML page's table of contents.</summary>
/// <param name="Level">1 (page title) to 4.</param>
/// <param name="Text">Plain text.</param>
/// <param name="Id">Anchor id (letters, digits, '-').</param>
public sealed record Heading(int Level, string Text, string Id) : ReportBlock;
