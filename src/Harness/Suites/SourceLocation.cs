namespace EarlyExitBench.Harness.Suites;

/// <summary>A position in a suite file, 1-based; line 0 means the file as a whole (it is missing, or not text).</summary>
/// <param name="File">The suite file.</param>
/// <param name="Line">Line, 1-based; 0 for the whole file.</param>
/// <param name="Column">Column, 1-based; 0 for the whole file.</param>
public sealed record SourceLocation(string File, long Line, long Column)
{
    /// <summary>The file as a whole, for problems that have no line: it is missing, unreadable, or a plugin assembly.</summary>
    public static SourceLocation WholeFile(string file) => new(file, 0, 0);

    /// <inheritdoc />
    public override string ToString() => Line <= 0 ? File : $"{File}:{Line}:{Column}";
}
