namespace EarlyExitBench.Harness.Site;

/// <summary>One cell of a submission's plan, with its verification status.</summary>
/// <param name="Key">The cell's key.</param>
/// <param name="Name">How logs and tables name it.</param>
/// <param name="Dataset">Its group's dataset.</param>
/// <param name="Architecture">Its group's architecture.</param>
/// <param name="Recipe">Its group's training recipe.</param>
/// <param name="Seed">Its seed.</param>
/// <param name="ModelKey">Content key of its trained model: two cells with the same one trained the same model on the same data.</param>
/// <param name="Status">One of <see cref="CellStatus.All"/>.</param>
/// <param name="Detail">The re-run's verdict in words; null when not re-run.</param>
public sealed record SiteCell(string Key, string Name, string Dataset, string Architecture, string Recipe, int Seed, string ModelKey, string Status, string? Detail);
