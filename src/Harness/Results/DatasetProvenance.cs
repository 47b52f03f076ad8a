namespace EarlyExitBench.Harness.Results;

/// <summary>One dataset the run read.</summary>
/// <param name="Name">Dataset label.</param>
/// <param name="ContentId">Hash of the files read.</param>
public sealed record DatasetProvenance(string Name, string ContentId);
