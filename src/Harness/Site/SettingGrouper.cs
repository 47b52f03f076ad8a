using System.Globalization;
using System.Text.Json;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Storage;

namespace EarlyExitBench.Harness.Site;

/// <summary>
/// Groups the submissions' leaderboard groups into settings and decides, per setting, whether their entries can be ranked
/// together. They can when the records show the comparison is paired, as within one leaderboard: the same seeds, the same
/// trained model per seed (same model key: same data, split, recipe and build), the same evaluation settings (so the same
/// budgets and bootstrap resamples of the same test samples), and no method reported twice with different results. Then
/// the leaderboard's own ranking code ranks them (<see cref="GroupAssembler.RankEntries"/>) from the replicates each entry
/// records. Otherwise each submission's ranking is shown as it is, side by side, with the reason.
/// </summary>
public static class SettingGrouper
{
    /// <summary>The label of a table that ranks every submission's entries together.</summary>
    public const string Together = "all submissions, ranked together";

    /// <summary>Every setting of <paramref name="submissions"/>, in ordinal order of benchmark, dataset, architecture, options and recipe.</summary>
    public static IReadOnlyList<SiteSetting> Group(IReadOnlyList<SiteSubmission> submissions)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        var parts = submissions.SelectMany(s => s.Leaderboard.Groups.Select(g => new SettingPart(
            s, g, s.Cells.Where(c => c.Dataset == g.Dataset && c.Architecture == g.Architecture && c.Recipe == g.Recipe).ToList())));
        var benchmarks = submissions.Select(s => s.Benchmark).Distinct().Count();
        var slugs = new Slugs();
        return parts
            .GroupBy(p => (p.Submission.Benchmark, p.Group.Dataset, p.Group.Architecture, p.Group.ArchitectureOptions, p.Group.Recipe))
            .OrderBy(g => g.Key.Benchmark, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Dataset, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Architecture, StringComparer.Ordinal)
            .ThenBy(g => g.Key.ArchitectureOptions, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Recipe, StringComparer.Ordinal)
            .Select(g =>
            {
                var members = g.ToList();
                var slug = slugs.Take($"{g.Key.Dataset}-{g.Key.Architecture}-{g.Key.Recipe}" + (benchmarks > 1 ? "-" + g.Key.Benchmark : ""));
                var why = members.Count > 1 ? WhyNotTogether(members) : null;
                IReadOnlyList<SiteTable> tables = members.Count == 1 ? [Own(members[0], members[0].Submission.Name)]
                    : why is null ? [Pooled(members)]
                    : members.Select(m => Own(m, m.Submission.Name)).ToList();
                var note = why is null ? null : $"Not ranked together: {why}. Each submission's entries are shown ranked within their own leaderboard.";
                return new SiteSetting(slug, g.Key.Benchmark, g.Key.Dataset, g.Key.Architecture, g.Key.ArchitectureOptions, g.Key.Recipe, members, tables, note);
            })
            .ToList();
    }

    /// <summary>Why the entries of <paramref name="parts"/> cannot be ranked together; null when they can.</summary>
    public static string? WhyNotTogether(IReadOnlyList<SettingPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var first = parts[0];
        string Seeds(SettingPart p) => string.Join(", ", p.Cells.Select(c => c.Seed.ToString(CultureInfo.InvariantCulture)));
        string Models(SettingPart p) => string.Join(" ", p.Cells.OrderBy(c => c.Seed).Select(c => c.ModelKey));
        string Evaluation(SettingPart p) => JsonSerializer.Serialize(p.Submission.Leaderboard.Suite.Evaluation, Json.Options) + p.Submission.Leaderboard.CostConvention;
        foreach (var other in parts.Skip(1))
        {
            var pair = $"{first.Submission.Name} and {other.Submission.Name}";
            if (Seeds(first) != Seeds(other))
            {
                return $"{pair} ran different seeds ({Seeds(first)} against {Seeds(other)})";
            }

            if (Models(first) != Models(other))
            {
                return $"{pair} trained different models for the same seeds (their model keys differ: other data, split, recipe or build), so their entries are not paired";
            }

            if (Evaluation(first) != Evaluation(other))
            {
                return $"{pair} evaluated with different settings (the suites' evaluation sections or cost conventions differ: budgets, bootstrap), so their scores do not measure the same thing";
            }
        }

        var methods = parts.SelectMany(p => p.Group.Entries.Select(e => (Part: p, Entry: e))).GroupBy(x => SiteSetting.MethodName(x.Entry));
        foreach (var method in methods.Where(m => m.Count() > 1))
        {
            var list = method.ToList();
            var a = list[0];
            foreach (var b in list.Skip(1).Where(x => !RankingUncertainty.Identical(a.Entry, Replicates(a.Entry), x.Entry, Replicates(x.Entry))))
            {
                return $"method {method.Key} is in {a.Part.Submission.Name} and {b.Part.Submission.Name} with different results";
            }
        }

        return null;
    }

    /// <summary>An entry's seed-averaged replicates from its per-seed records, as the leaderboard computed them.</summary>
    public static double[]? Replicates(EntryResult entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return RankingUncertainty.SeedAveraged(entry.PerSeed.Select(s => s.EfficiencyReplicates).ToList());
    }

    private static SiteTable Own(SettingPart part, string label) =>
        new(label, part.Group, part.Group.Entries.Select(e => new SiteRow(e, [part.Submission.Name], part.Cells.Select(c => (part.Submission.Name, c)).ToList())).ToList());

    private static SiteTable Pooled(IReadOnlyList<SettingPart> parts)
    {
        // One row per method: a method two submissions both report is the identical result (checked), listed once with both names.
        var byMethod = parts
            .SelectMany(p => p.Group.Entries.Select(e => (Part: p, Entry: e)))
            .GroupBy(x => SiteSetting.MethodName(x.Entry), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var ranked = GroupAssembler.RankEntries(byMethod.Values.Select(list => (list[0].Entry, Replicates(list[0].Entry))));
        var rows = ranked.Select(e =>
        {
            var reports = byMethod[SiteSetting.MethodName(e)];
            return new SiteRow(e, reports.Select(r => r.Part.Submission.Name).ToList(), reports.SelectMany(r => r.Part.Cells.Select(c => (r.Part.Submission.Name, c))).ToList());
        }).ToList();
        var first = parts[0].Group;
        var (resamples, seed) = parts[0].Submission.Bootstrap;
        var group = first with
        {
            Entries = ranked,
            ProxyCorrelation = PooledCorrelation.Of(ranked, PublishedNames.GlobalThreshold, pooled: false, resamples, seed),
            ProxyCorrelationPooled = PooledCorrelation.Of(ranked, PublishedNames.GlobalThreshold, pooled: true, resamples, seed),
            ProxyCorrelationByPolicy = new SortedDictionary<string, IReadOnlyDictionary<string, CorrelationResult>>(
                ranked.Select(e => e.ExitPolicy).Where(p => p != PublishedNames.GlobalThreshold).Distinct()
                    .ToDictionary(p => p, p => PooledCorrelation.Of(ranked, p, pooled: false, resamples, seed)),
                StringComparer.Ordinal),
            CalibratorFits = Distinct(parts.SelectMany(p => p.Group.CalibratorFits)),
            Reliability = Distinct(parts.SelectMany(p => p.Group.Reliability)),
        };
        return new SiteTable(Together, group, rows);
    }

    private static List<T> Distinct<T>(IEnumerable<T> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return items.Where(i => seen.Add(JsonSerializer.Serialize(i, Json.Options))).ToList();
    }
}
