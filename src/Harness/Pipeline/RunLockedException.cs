namespace EarlyExitBench.Harness.Pipeline;

/// <summary>The output folder is in use by another running eebench.</summary>
/// <param name="message">Who holds it and what to do.</param>
public sealed class RunLockedException(string message) : Exception(message);
