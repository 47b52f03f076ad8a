namespace EarlyExitBench.Harness.Claims;

/// <summary>One seed of an entry, as the claims read it (<c>per_seed[]</c> of the leaderboard).</summary>
/// <param name="Seed">The seed.</param>
/// <param name="Score">Efficiency score on that seed.</param>
/// <param name="Proxies">Mean over exits of every proxy on that seed; null in leaderboards written before they were added.</param>
public sealed record SeedData(int Seed, double Score, IReadOnlyDictionary<string, double>? Proxies);
