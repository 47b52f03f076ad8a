namespace EarlyExitBench.Harness.Claims;

/// <summary>One seed of an entry, as the claims read it (<c>per_seed[]</c> of the leaderboard).</summary>
/// <param name="Seed">The seed.</param>
/// <param name="Score">Efficiency score on that seed.</param>
/// <param name="Proxies">Mean over exits of every proxy on that seed; null in leaderboards written before they were added.</param>
/// <param name="LateExits">Compute spent on samples an earlier exit already had right, at the matched-accuracy threshold; null in older leaderboards.</param>
/// <param name="EfficiencyReplicates">The score on each test resample (shared by every method and seed); null in leaderboards written before they were published.</param>
/// <param name="Deployable">Deployable efficiency on that seed (thresholds chosen on validation); null in older leaderboards and for exit policies.</param>
/// <param name="DeployableReplicates">The deployable score on each test resample, paired with <paramref name="EfficiencyReplicates"/>; null where absent.</param>
public sealed record SeedData(int Seed, double Score, IReadOnlyDictionary<string, double>? Proxies, IReadOnlyList<double>? EfficiencyReplicates = null, Results.LateExitRecord? LateExits = null,
    double? Deployable = null, IReadOnlyList<double>? DeployableReplicates = null)
{
    /// <summary>The Pareto front's accuracies on this seed (hits/n exactly), from which the claims read the test-set size.</summary>
    public IReadOnlyList<double> ParetoAccuracies => ParetoFront?.Select(p => p.Accuracy).ToList() ?? [];

    /// <summary>This seed's Pareto front as the leaderboard gives it; null where absent.</summary>
    public IReadOnlyList<Results.OperatingPoint>? ParetoFront { get; init; }
}
