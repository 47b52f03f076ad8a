namespace EarlyExitBench.Harness.Claims;

/// <summary>One seed of an entry, as the claims read it (<c>per_seed[]</c> of the leaderboard).</summary>
/// <param name="Seed">The seed.</param>
/// <param name="Score">Efficiency score on that seed.</param>
/// <param name="Proxies">Mean over exits of every proxy on that seed; null in leaderboards written before they were added.</param>
/// <param name="EfficiencyReplicates">The score on each test resample (shared by every method and seed); null in leaderboards written before they were published.</param>
public sealed record SeedData(int Seed, double Score, IReadOnlyDictionary<string, double>? Proxies, IReadOnlyList<double>? EfficiencyReplicates = null);
