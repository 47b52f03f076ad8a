namespace EarlyExitBench.Harness.Claims;

/// <summary>
/// Intervals over both sources of noise in a study: which models the seeds trained (seeds resampled within each group) and
/// which test images were drawn (the cells' efficiency replicates: resample b is the same test indices for every method,
/// seed and group, as all of them share one test set, so a statistic is paired across methods and the test noise is shared
/// across seeds, as it is in the data). Rules v2 use <see cref="Components"/>; <see cref="Percentile"/> is the plain
/// two-level percentile bootstrap, kept for the coverage simulation (bench/claims-coverage.sh) that chose between them.
/// </summary>
public static class TwoLevelBootstrap
{
    /// <summary>Marks the observed test set (no test resample) in a <see cref="Draw"/>.</summary>
    public const int Observed = -1;

    /// <summary>
    /// Components interval: the seed part is the variance of the statistic over resamples of seeds (test set as observed),
    /// times S/(S − 1) (the bootstrap's bias of a variance from S seeds, S the fewest seeds of any group); the test part is the
    /// variance over the B test replicates (all seeds as observed); the interval is θ ± t_ν·√(V_seed + V_test) with ν from
    /// Welch–Satterthwaite, the seed part having Σ_g (S_g − 1) degrees of freedom and the test part infinitely many.
    /// With few seeds the t quantile widens the interval where seed noise dominates (t_2 = 4.30), where a percentile
    /// interval of 3 seeds covers about 75%.
    /// </summary>
    /// <param name="seedsPerGroup">Per group, its number of seeds.</param>
    /// <param name="testReplicates">B, the test replicates every (method, seed) has; 0 for none (seed part only).</param>
    /// <param name="statistic">The statistic of a draw; null where undefined.</param>
    /// <param name="options">Resamples, seed, confidence and scale.</param>
    /// <returns>The estimate; null when the statistic is undefined on the data as observed; no interval with fewer than 2 seeds in a group.</returns>
    public static Estimate? Components(IReadOnlyList<int> seedsPerGroup, int testReplicates, Func<Draw, double?> statistic, TwoLevelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Fit(seedsPerGroup, testReplicates, statistic, options)?.Interval(options);
    }

    /// <summary>The parts of <see cref="Components"/>: value, standard error and degrees of freedom (for a test, e.g. Holm's).</summary>
    /// <returns>Null when the statistic is undefined on the data as observed.</returns>
    public static ComponentsFit? Fit(IReadOnlyList<int> seedsPerGroup, int testReplicates, Func<Draw, double?> statistic, TwoLevelOptions options)
    {
        ArgumentNullException.ThrowIfNull(seedsPerGroup);
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentNullException.ThrowIfNull(options);
        var observed = Draw.AsObserved(seedsPerGroup);
        if (statistic(observed) is not { } value || !double.IsFinite(value))
        {
            return null;
        }

        if (seedsPerGroup.Count == 0 || seedsPerGroup.Min() < ClaimRules.MinimumSeeds || options.Resamples == 0)
        {
            return new ComponentsFit(value, null, null);
        }

        var random = new Random(options.Seed);
        var seedReplicates = new List<double>(options.Resamples);
        for (var r = 0; r < options.Resamples; r++)
        {
            if (statistic(Draw.Resample(seedsPerGroup, Observed, random)) is { } v && double.IsFinite(v))
            {
                seedReplicates.Add(options.Forward(v));
            }
        }

        var testValues = new List<double>(testReplicates);
        for (var b = 0; b < testReplicates; b++)
        {
            if (statistic(observed with { Test = b }) is { } v && double.IsFinite(v))
            {
                testValues.Add(options.Forward(v));
            }
        }

        var fewest = seedsPerGroup.Min();
        var seedVariance = Variance(seedReplicates) * fewest / (fewest - 1.0);
        var testVariance = Variance(testValues);
        var seedDf = seedsPerGroup.Sum(s => s - 1.0);
        var total = seedVariance + testVariance;
        var df = seedVariance <= 0 ? double.PositiveInfinity : total * total / (seedVariance * seedVariance / seedDf);
        return new ComponentsFit(value, Math.Sqrt(total), df);
    }

    /// <summary>
    /// Plain two-level percentile bootstrap: each resample draws seeds with replacement within each group and one test
    /// replicate b for all of them (and for every method). 95% percentile interval (NumPy's interpolation).
    /// </summary>
    /// <param name="seedsPerGroup">Per group, its number of seeds.</param>
    /// <param name="testReplicates">B; 0 resamples seeds only (v1's seed bootstrap).</param>
    /// <param name="statistic">The statistic of a draw; null where undefined (left out).</param>
    /// <param name="options">Resamples, seed and confidence (the scale is not used).</param>
    public static Estimate? Percentile(IReadOnlyList<int> seedsPerGroup, int testReplicates, Func<Draw, double?> statistic, TwoLevelOptions options)
    {
        ArgumentNullException.ThrowIfNull(seedsPerGroup);
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentNullException.ThrowIfNull(options);
        if (statistic(Draw.AsObserved(seedsPerGroup)) is not { } value || !double.IsFinite(value))
        {
            return null;
        }

        if (seedsPerGroup.Count == 0 || seedsPerGroup.Min() < ClaimRules.MinimumSeeds || options.Resamples == 0)
        {
            return new Estimate(value, null, null);
        }

        var random = new Random(options.Seed);
        var replicates = new List<double>(options.Resamples);
        for (var r = 0; r < options.Resamples; r++)
        {
            var test = testReplicates > 0 ? random.Next(testReplicates) : Observed;
            if (statistic(Draw.Resample(seedsPerGroup, test, random)) is { } v && double.IsFinite(v))
            {
                replicates.Add(v);
            }
        }

        if (replicates.Count == 0)
        {
            return new Estimate(value, null, null);
        }

        replicates.Sort();
        var tail = (1 - options.Confidence) / 2;
        return new Estimate(value, Evaluation.ProxyCorrelation.Percentile(replicates, tail), Evaluation.ProxyCorrelation.Percentile(replicates, 1 - tail));
    }

    /// <summary>
    /// The mean over groups of the mean over each group's seeds of a paired per-seed value, where each seed also has that
    /// value on every test replicate: <c>perGroup[g][s]</c> = (value, replicates or null). Seeds without replicates make
    /// the interval seed-only (B = 0), as v1's was.
    /// </summary>
    public static Estimate? Mean(IReadOnlyList<IReadOnlyList<SeedValue>> perGroup, TwoLevelOptions options)
    {
        ArgumentNullException.ThrowIfNull(perGroup);
        var groups = perGroup.Where(g => g.Count > 0).ToList();
        if (groups.Count == 0)
        {
            return null;
        }

        var replicates = ReplicateCount(groups.SelectMany(g => g));
        return Components(groups.Select(g => g.Count).ToList(), replicates, draw => MeanOf(groups, draw), options);
    }

    /// <summary>The number of test replicates every value has (0 when any has none or they disagree).</summary>
    public static int ReplicateCount(IEnumerable<SeedValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var counts = values.Select(v => v.Replicates?.Count ?? 0).Distinct().ToList();
        return counts.Count == 1 ? counts[0] : 0;
    }

    /// <summary>The statistic of <see cref="Mean"/> on one draw.</summary>
    public static double MeanOf(IReadOnlyList<IReadOnlyList<SeedValue>> groups, Draw draw)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(draw);
        var total = 0.0;
        for (var g = 0; g < groups.Count; g++)
        {
            var picks = draw.Seeds[g];
            var sum = 0.0;
            foreach (var s in picks)
            {
                sum += groups[g][s].At(draw.Test);
            }

            total += sum / picks.Length;
        }

        return total / groups.Count;
    }

    private static double Variance(List<double> values)
    {
        if (values.Count < 2)
        {
            return 0;
        }

        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
    }
}
