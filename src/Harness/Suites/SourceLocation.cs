namespace EarlyExitBench.Harness.Suites;

/// <summary>A position in a suite file, 1-based.</summary>
/// <param name="File">The suite file.</param>
/// <param name="Line">Line, 1-based.</param>
/// <param name="Column">Column, 1-based.</param>
public sealed record SourceLocation(string File, long Line, long Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
