namespace EarlyExitBench.Harness.Claims;

/// <summary>Bootstrap settings of <c>eebench claims</c>.</summary>
/// <param name="Resamples">Resamples per interval.</param>
/// <param name="Seed">Seed of every bootstrap.</param>
public sealed record ClaimsOptions(int Resamples = 2000, int Seed = 2508)
{
    /// <summary>Seed of the bootstrap of claim <paramref name="number"/>, so claims do not share random streams.</summary>
    public int SeedOf(int number) => Seed + (1000 * number);
}
