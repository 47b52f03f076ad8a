namespace EarlyExitBench.Harness.Reporting;

/// <summary>A piece of the report written as Markdown elsewhere (the claims section); the HTML page renders it with Markdig.</summary>
/// <param name="Markdown">GitHub-flavoured Markdown (pipe tables, emphasis, lists); raw HTML in it is not passed through.</param>
public sealed record MarkdownBlock(string Markdown) : ReportBlock;
