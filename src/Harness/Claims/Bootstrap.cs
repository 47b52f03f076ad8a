using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Claims;

/// <summary>The claims' percentile bootstraps; seeded, so every interval is a pure function of the leaderboard.</summary>
public static class Bootstrap
{
    /// <summary>
    /// The mean over groups of the mean over each group's seeds, with the interval of a bootstrap that resamples seeds
    /// within each group (stratified). No interval when a group has fewer than <see cref="ClaimRules.MinimumSeeds"/> values.
    /// </summary>
    /// <param name="perGroup">Per group, one value per seed (already paired across methods where the statistic is a difference).</param>
    /// <param name="resamples">Bootstrap resamples.</param>
    /// <param name="seed">Seed of <see cref="Random"/>.</param>
    /// <param name="confidence">Interval coverage, e.g. 0.95.</param>
    /// <returns>The estimate, or null when no group has a value.</returns>
    public static Estimate? SeedMean(IReadOnlyList<IReadOnlyList<double>> perGroup, int resamples, int seed, double confidence = ClaimRules.Confidence)
    {
        ArgumentNullException.ThrowIfNull(perGroup);
        var groups = perGroup.Where(g => g.Count > 0).ToList();
        if (groups.Count == 0)
        {
            return null;
        }

        var value = groups.Average(g => g.Average());
        if (resamples == 0 || groups.Any(g => g.Count < ClaimRules.MinimumSeeds))
        {
            return new Estimate(value, null, null);
        }

        var random = new Random(seed);
        var replicates = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            var total = 0.0;
            foreach (var group in groups)
            {
                var sum = 0.0;
                for (var i = 0; i < group.Count; i++)
                {
                    sum += group[random.Next(group.Count)];
                }

                total += sum / group.Count;
            }

            replicates.Add(total / groups.Count);
        }

        return Interval(value, replicates, confidence);
    }

    /// <summary>
    /// A statistic of per-group point sets with the interval of a bootstrap that resamples points within each group;
    /// replicates where <paramref name="statistic"/> is undefined (null) are left out.
    /// </summary>
    /// <param name="pointsPerGroup">Per group, the number of points (methods).</param>
    /// <param name="statistic">The statistic of one choice of point indices per group; null when undefined.</param>
    /// <param name="resamples">Bootstrap resamples.</param>
    /// <param name="seed">Seed of <see cref="Random"/>.</param>
    /// <returns>The estimate, or null when the statistic is undefined on the data as observed.</returns>
    public static Estimate? Points(IReadOnlyList<int> pointsPerGroup, Func<IReadOnlyList<int[]>, double?> statistic, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(pointsPerGroup);
        ArgumentNullException.ThrowIfNull(statistic);
        var identity = pointsPerGroup.Select(n => Enumerable.Range(0, n).ToArray()).ToList();
        if (statistic(identity) is not { } value)
        {
            return null;
        }

        var random = new Random(seed);
        var replicates = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            var picks = pointsPerGroup.Select(n => Enumerable.Range(0, n).Select(_ => random.Next(n)).ToArray()).ToList();
            if (statistic(picks) is { } replicate)
            {
                replicates.Add(replicate);
            }
        }

        return Interval(value, replicates, ClaimRules.Confidence);
    }

    private static Estimate Interval(double value, List<double> replicates, double confidence)
    {
        if (replicates.Count == 0)
        {
            return new Estimate(value, null, null);
        }

        replicates.Sort();
        var tail = (1 - confidence) / 2;
        return new Estimate(value, Evaluation.ProxyCorrelation.Percentile(replicates, tail), Evaluation.ProxyCorrelation.Percentile(replicates, 1 - tail));
    }
}
