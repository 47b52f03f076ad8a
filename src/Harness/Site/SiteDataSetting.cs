namespace EarlyExitBench.Harness.Site;

/// <summary>One setting of <see cref="SiteData"/>.</summary>
/// <param name="Slug">Its page: <c>settings/SLUG.html</c>.</param>
/// <param name="Benchmark">The benchmark version.</param>
/// <param name="Dataset">Dataset.</param>
/// <param name="Architecture">Architecture.</param>
/// <param name="ArchitectureOptions">Its options as JSON.</param>
/// <param name="Recipe">Training recipe.</param>
/// <param name="Seeds">The seeds its cells ran.</param>
/// <param name="Note">Why its submissions are not ranked together; null when they are, or there is one.</param>
/// <param name="Tables">Its rankings: one, or one per submission.</param>
public sealed record SiteDataSetting(
    string Slug, string Benchmark, string Dataset, string Architecture, string ArchitectureOptions, string Recipe, IReadOnlyList<int> Seeds, string? Note,
    IReadOnlyList<SiteDataTable> Tables);
