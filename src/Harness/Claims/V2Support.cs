namespace EarlyExitBench.Harness.Claims;

/// <summary>What the rules-v2 claims share: paired per-seed values with their test replicates, test-set size, argmax-keeping calibrators.</summary>
internal static class V2Support
{
    /// <summary>The options of claim <paramref name="number"/>'s intervals.</summary>
    public static TwoLevelOptions Options(ClaimsOptions options, int number) => new(options.Resamples, options.SeedOf(number));

    /// <summary>Per shared seed, a − b, with the replicate-wise difference where both have the same number of replicates.</summary>
    public static List<SeedValue> Difference(EntryData a, EntryData b) => Paired(a, b, s => (s.Score, s.EfficiencyReplicates))!;

    /// <summary>
    /// Per seed shared by <paramref name="a"/> and <paramref name="b"/>, the difference of the value <paramref name="of"/>
    /// reads, with the replicate-wise difference where both have the same number of replicates; null when a shared seed
    /// lacks the value.
    /// </summary>
    private static List<SeedValue>? Paired(EntryData a, EntryData b, Func<SeedData, (double? Value, IReadOnlyList<double>? Replicates)> of)
    {
        var other = b.PerSeed.GroupBy(s => s.Seed).ToDictionary(g => g.Key, g => g.First());
        var values = new List<SeedValue>();
        foreach (var seed in a.PerSeed)
        {
            if (!other.TryGetValue(seed.Seed, out var match))
            {
                continue;
            }

            if (of(seed) is not ({ } va, var ra) || of(match) is not ({ } vb, var rb))
            {
                return null;
            }

            var replicates = ra is { Count: > 0 } && rb is not null && ra.Count == rb.Count ? ra.Zip(rb, (x, y) => x - y).ToArray() : null;
            values.Add(new SeedValue(va - vb, replicates));
        }

        return values;
    }

    /// <summary>A per-seed value without test replicates (a proxy, a count).</summary>
    public static List<SeedValue> Plain(IEnumerable<double> values) => values.Select(v => new SeedValue(v, null)).ToList();

    /// <summary>The two-level mean of per-group seed values (groups without values left out).</summary>
    public static Estimate? Mean(IEnumerable<List<SeedValue>> perGroup, TwoLevelOptions options) =>
        TwoLevelBootstrap.Mean(perGroup.Where(g => g.Count > 0).Select(g => (IReadOnlyList<SeedValue>)g).ToList(), options);

    /// <summary>
    /// The test-set size n, read off the leaderboard: the smallest n for which every per-seed Pareto accuracy of the group
    /// is a whole number of samples over n (the sweep's accuracies are hits/n). Null when none up to 10⁶ fits.
    /// </summary>
    public static int? TestSamples(GroupData group)
    {
        var accuracies = group.Entries.SelectMany(e => e.PerSeed).SelectMany(s => s.ParetoAccuracies).Where(a => a is > 0 and < 1).Distinct().Take(200).ToArray();
        if (accuracies.Length == 0)
        {
            return null;
        }

        for (var n = 1; n <= 1_000_000; n++)
        {
            if (accuracies.All(a => Math.Abs((a * n) - Math.Round(a * n)) < 1e-6 * Math.Max(1, a * n)))
            {
                return n;
            }
        }

        return null;
    }

    /// <summary>The test-set size shared by every group (null when they differ or none is known).</summary>
    public static int? TestSamples(ClaimsData data)
    {
        var sizes = data.Groups.Select(TestSamples).Distinct().ToList();
        return sizes.Count == 1 ? sizes[0] : null;
    }

    /// <summary>"name × n (test images)" of an efficiency estimate.</summary>
    public static ClaimStatistic Images(string name, Estimate estimate, int? n) =>
        n is { } size
            ? new ClaimStatistic($"{name} in test images (× {size})", estimate.Value * size, estimate.Low * size, estimate.High * size)
            : new ClaimStatistic($"{name} in test images (test-set size unknown)", double.NaN);

    /// <summary>The calibrators whose registration promises to keep the argmax (provenance), or null when the leaderboard does not record it.</summary>
    public static HashSet<string>? KeepsArgmax(ClaimsData data)
    {
        var calibrators = data.Plugins.Where(p => p.Kind == "calibrator").ToList();
        return calibrators.Count == 0 || calibrators.Any(p => p.KeepsArgmax is null)
            ? null
            : calibrators.Where(p => p.KeepsArgmax == true).Select(p => p.Alias).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A group's seeds that every one of <paramref name="entries"/> has, in order.</summary>
    public static List<int> SharedSeeds(IReadOnlyList<EntryData> entries) =>
        entries.Count == 0 ? [] : entries.Select(e => e.PerSeed.Select(s => s.Seed)).Aggregate((a, b) => a.Intersect(b)).Order().ToList();

    /// <summary>
    /// The same comparison on deployable efficiency (thresholds chosen on validation, applied unchanged to test): with the
    /// two-level interval and in test images when every shared seed of both entries records its deployable score and
    /// replicates (<c>per_seed[].deployable</c>), else the entries' seed-mean <c>efficiency.deployable</c> as a point
    /// estimate; empty when either entry has none.
    /// </summary>
    /// <param name="name">The statistic's name, e.g. "Δ".</param>
    /// <param name="a">The first entry.</param>
    /// <param name="b">The entry subtracted.</param>
    /// <param name="options">The claim's interval options.</param>
    /// <param name="n">The test-set size, for the effect in test images.</param>
    public static IReadOnlyList<ClaimStatistic> Deployable(string name, EntryData a, EntryData b, TwoLevelOptions options, int? n) =>
        Deployable(name, [(a, b)], options, n, "seed means");

    /// <summary>Pooled over groups: the mean of the groups' deployable differences; empty when any group lacks them.</summary>
    /// <param name="name">The statistic's name, e.g. "Δ".</param>
    /// <param name="pairs">Per group, the two entries compared.</param>
    /// <param name="options">The claim's interval options.</param>
    /// <param name="n">The test-set size, for the effect in test images.</param>
    public static IReadOnlyList<ClaimStatistic> Deployable(string name, IReadOnlyList<(EntryData A, EntryData B)> pairs, TwoLevelOptions options, int? n) =>
        Deployable(name, pairs, options, n, "mean over groups of seed means");

    private static IReadOnlyList<ClaimStatistic> Deployable(string name, IReadOnlyList<(EntryData A, EntryData B)> pairs, TwoLevelOptions options, int? n, string pooling)
    {
        if (pairs.Count == 0 || pairs.Any(p => p.A.Efficiency.Deployable is null || p.B.Efficiency.Deployable is null))
        {
            return [];
        }

        var perGroup = pairs.Select(p => Paired(p.A, p.B, s => (s.Deployable, s.DeployableReplicates))).ToList();
        if (perGroup.All(g => g is { Count: > 0 }) && Mean(perGroup.Select(g => g!), options) is { } estimate)
        {
            var label = $"{name} on deployable efficiency (validation-chosen thresholds)";
            return [ClaimStatistic.Of(label, estimate), Images(label, estimate, n)];
        }

        return [new ClaimStatistic($"{name} on deployable efficiency (validation-chosen thresholds; {pooling}, no interval)", pairs.Average(p => p.A.Efficiency.Deployable!.Score - p.B.Efficiency.Deployable!.Score))];
    }

    /// <summary>The note every v2 claim gives when the leaderboard has no deployable efficiency.</summary>
    public static string? DeployableMissing(ClaimsData data) =>
        data.Groups.SelectMany(g => g.GlobalThreshold).Any(e => e.Efficiency.Deployable is null)
            ? "this leaderboard has no efficiency.deployable (thresholds chosen on validation) for every global-threshold entry: only the oracle (test-chosen) efficiency is compared"
            : null;
}
