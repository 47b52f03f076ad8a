namespace EarlyExitBench.Harness.Claims;

/// <summary>One draw of a two-level bootstrap: per group, the seed indices chosen; and the test replicate (or the observed test set).</summary>
/// <param name="Seeds">Per group, indices into its seeds (with repeats in a resample).</param>
/// <param name="Test">Test replicate index, or <see cref="TwoLevelBootstrap.Observed"/>.</param>
public sealed record Draw(IReadOnlyList<int[]> Seeds, int Test)
{
    /// <summary>Every seed once, the observed test set.</summary>
    public static Draw AsObserved(IReadOnlyList<int> seedsPerGroup)
    {
        ArgumentNullException.ThrowIfNull(seedsPerGroup);
        return new Draw(seedsPerGroup.Select(n => Enumerable.Range(0, n).ToArray()).ToList(), TwoLevelBootstrap.Observed);
    }

    /// <summary>Seeds drawn with replacement within each group, with test replicate <paramref name="test"/>.</summary>
    public static Draw Resample(IReadOnlyList<int> seedsPerGroup, int test, Random random)
    {
        ArgumentNullException.ThrowIfNull(seedsPerGroup);
        ArgumentNullException.ThrowIfNull(random);
        var seeds = new int[seedsPerGroup.Count][];
        for (var g = 0; g < seeds.Length; g++)
        {
            var n = seedsPerGroup[g];
            seeds[g] = new int[n];
            for (var i = 0; i < n; i++)
            {
                seeds[g][i] = random.Next(n);
            }
        }

        return new Draw(seeds, test);
    }
}
