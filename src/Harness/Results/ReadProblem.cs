namespace EarlyExitBench.Harness.Results;

/// <summary>One thing wrong with a leaderboard file: where (JSON path, and line when known) and what.</summary>
/// <param name="Path">JSONPath of the value or key, e.g. <c>$.groups[0].entries[1].efficiency.score</c>.</param>
/// <param name="Line">1-based line of that value or key; null when unknown.</param>
/// <param name="Message">What is wrong, in the terms of the published format.</param>
public sealed record ReadProblem(string Path, int? Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line is { } line ? $"{Path} (line {line}): {Message}" : $"{Path}: {Message}";
}
