namespace EarlyExitBench.Contracts;

/// <summary>A dataset's official splits; the host carves validation out of <see cref="Train"/>.</summary>
/// <param name="Name">Dataset name for reports.</param>
/// <param name="Train">Training split.</param>
/// <param name="Test">Test split.</param>
/// <param name="ContentId">A stable identity of the files read (e.g. a hash), used in cache keys.</param>
public sealed record DatasetSplits(string Name, ImageSet Train, ImageSet Test, string ContentId);
