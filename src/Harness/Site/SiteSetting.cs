using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Site;

/// <summary>One setting (dataset × architecture × recipe of one benchmark version) and the rankings the site shows for it.</summary>
/// <param name="Slug">Its page's name (<c>settings/SLUG.html</c>).</param>
/// <param name="Benchmark">The benchmark version (<see cref="SiteSubmission.Benchmark"/>).</param>
/// <param name="Dataset">Dataset.</param>
/// <param name="Architecture">Architecture.</param>
/// <param name="ArchitectureOptions">The architecture's options as JSON.</param>
/// <param name="Recipe">Training recipe.</param>
/// <param name="Parts">Each submission's report of it, in submission order.</param>
/// <param name="Tables">One table when the entries are ranked together (or there is one submission); otherwise one per submission.</param>
/// <param name="Note">Why several submissions' entries are not ranked together; null when they are, or there is one submission.</param>
public sealed record SiteSetting(
    string Slug, string Benchmark, string Dataset, string Architecture, string ArchitectureOptions, string Recipe,
    IReadOnlyList<SettingPart> Parts, IReadOnlyList<SiteTable> Tables, string? Note)
{
    /// <summary>How pages name it: <c>dataset / architecture / recipe</c>.</summary>
    public string Title => $"{Dataset} / {Architecture} / {Recipe}";

    /// <summary>The seeds its cells ran, over every submission.</summary>
    public IReadOnlyList<int> Seeds => Parts.SelectMany(p => p.Cells).Select(c => c.Seed).Distinct().Order().ToList();

    /// <summary>Whether every submission's entries are ranked together.</summary>
    public bool Pooled => Tables.Count == 1;

    /// <summary>How the site names a method: <c>calibrator + failure predictor + exit policy</c>.</summary>
    public static string MethodName(EntryResult entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return $"{entry.Calibrator} + {entry.FailurePredictor} + {entry.ExitPolicy}";
    }
}
