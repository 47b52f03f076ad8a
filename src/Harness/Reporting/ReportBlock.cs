namespace EarlyExitBench.Harness.Reporting;

/// <summary>One piece of a report, rendered the same way to Markdown and to HTML.</summary>
public abstract record ReportBlock;
