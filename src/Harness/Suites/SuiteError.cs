namespace EarlyExitBench.Harness.Suites;

/// <summary>One problem in a suite, reported as <c>file:line:col: message</c>.</summary>
/// <param name="Location">Where.</param>
/// <param name="Message">What is wrong and, where possible, what would be right.</param>
public sealed record SuiteError(SourceLocation Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Message}";
}
