namespace EarlyExitBench.Harness.Suites;

/// <summary>A suite that cannot be run; carries every error found, not just the first.</summary>
public sealed class SuiteException(IReadOnlyList<SuiteError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    /// <summary>All errors, in file order.</summary>
    public IReadOnlyList<SuiteError> Errors { get; } = errors;
}
