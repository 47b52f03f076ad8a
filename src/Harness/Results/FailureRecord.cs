namespace EarlyExitBench.Harness.Results;

/// <summary>A suite cell or method that failed; the run went on without it.</summary>
/// <param name="Cell">The cell, as <c>dataset/architecture/seed N</c>.</param>
/// <param name="Seed">The cell's seed.</param>
/// <param name="Kind">Plugin kind, in words (or <c>cell</c>).</param>
/// <param name="Plugin">Plugin label.</param>
/// <param name="Stage">What it was doing.</param>
/// <param name="Message">What went wrong.</param>
public sealed record FailureRecord(string Cell, int Seed, string Kind, string Plugin, string Stage, string Message);
