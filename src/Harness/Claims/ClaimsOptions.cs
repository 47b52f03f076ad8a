namespace EarlyExitBench.Harness.Claims;

/// <summary>Bootstrap settings of <c>eebench claims</c>.</summary>
/// <param name="Resamples">Resamples per interval.</param>
/// <param name="Seed">Seed of every bootstrap.</param>
/// <param name="Rules">"v1" (docs/CLAIMS.md's first rules, the default) or "v2" (its "Rules v2" section).</param>
public sealed record ClaimsOptions(int Resamples = 2000, int Seed = 2508, string Rules = ClaimsOptions.V1)
{
    /// <summary>The first rules (claims 1–5, seed bootstrap).</summary>
    public const string V1 = "v1";

    /// <summary>Rules v2 (claims 1–6, two-level intervals, margins).</summary>
    public const string V2 = "v2";

    /// <summary>Seed of the bootstrap of claim <paramref name="number"/>, so claims do not share random streams.</summary>
    public int SeedOf(int number) => Seed + (1000 * number);
}
