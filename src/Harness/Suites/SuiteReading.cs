namespace EarlyExitBench.Harness.Suites;

/// <summary>
/// What binding a suite file produced: the suite (built from every entry that bound, so later checks can still run
/// on it) and every error found so far. <see cref="Suite"/> is null only when the file is not a readable YAML mapping.
/// </summary>
/// <param name="Suite">The bound suite, possibly partial when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Every error, in file order.</param>
public sealed record SuiteReading(Suite? Suite, IReadOnlyList<SuiteError> Errors);
