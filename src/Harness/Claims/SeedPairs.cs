namespace EarlyExitBench.Harness.Claims;

/// <summary>Per-seed values of entries, paired by seed number.</summary>
internal static class SeedPairs
{
    /// <summary><paramref name="value"/> of <paramref name="a"/>'s and <paramref name="b"/>'s seeds with the same number, in <paramref name="a"/>'s order; seeds either lacks, or where the value is undefined, are left out.</summary>
    public static IReadOnlyList<double> Of(EntryData a, EntryData b, Func<SeedData, SeedData, double?> value)
    {
        var other = b.PerSeed.GroupBy(s => s.Seed).ToDictionary(g => g.Key, g => g.First());
        var values = new List<double>();
        foreach (var seed in a.PerSeed)
        {
            if (other.TryGetValue(seed.Seed, out var match) && value(seed, match) is { } v && double.IsFinite(v))
            {
                values.Add(v);
            }
        }

        return values;
    }

    /// <summary>Efficiency of <paramref name="a"/> minus <paramref name="b"/>, per shared seed.</summary>
    public static IReadOnlyList<double> ScoreDifference(EntryData a, EntryData b) => Of(a, b, (x, y) => x.Score - y.Score);

    /// <summary>A proxy's mean over exits on one seed, or null.</summary>
    public static double? Proxy(SeedData seed, string name) => seed.Proxies is { } p && p.TryGetValue(name, out var v) && double.IsFinite(v) ? v : null;

    /// <summary>A proxy's value on each of the entry's seeds that has it.</summary>
    public static IReadOnlyList<double> Proxy(EntryData entry, string name) => entry.PerSeed.Select(s => Proxy(s, name)).OfType<double>().ToList();

    /// <summary>The seed-mean of a proxy where every seed has it (as the leaderboard's <c>proxy_correlation</c> averages), else null.</summary>
    public static double? MeanProxy(EntryData entry, string name)
    {
        var values = Proxy(entry, name);
        return values.Count == entry.PerSeed.Count && values.Count > 0 ? values.Average() : null;
    }

    /// <summary>The seed-mean efficiency score.</summary>
    public static double MeanScore(EntryData entry) => entry.PerSeed.Average(s => s.Score);
}
