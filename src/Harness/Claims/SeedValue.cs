namespace EarlyExitBench.Harness.Claims;

/// <summary>A per-seed value (e.g. a paired efficiency difference) and the same value on each test replicate.</summary>
/// <param name="Value">On the observed test set.</param>
/// <param name="Replicates">On test replicate b; null where the leaderboard has none.</param>
public sealed record SeedValue(double Value, IReadOnlyList<double>? Replicates)
{
    /// <summary>The value on test replicate <paramref name="test"/>, or as observed.</summary>
    public double At(int test) => test == TwoLevelBootstrap.Observed || Replicates is null ? Value : Replicates[test];
}
