namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>How a <see cref="SettingPage"/> is laid out on its page.</summary>
public sealed record SettingPageOptions
{
    /// <summary>Prefix of every id in the section (the section itself, its tables, its headings); unique on the page.</summary>
    public string IdPrefix { get; init; } = "setting";

    /// <summary>Level of the section's heading (2 in the report, where the page title is the h1); its parts are one level below.</summary>
    public int HeadingLevel { get; init; } = 2;

    /// <summary>The section's heading; null for "dataset / architecture[ / recipe NAME]".</summary>
    public string? Title { get; init; }

    /// <summary>Extra per-entry columns of the ranking (the site's submission and verification status); empty for none.</summary>
    public IReadOnlyList<EntryColumn> ExtraColumns { get; init; } = [];

    /// <summary>Ranked entries whose Pareto fronts are drawn (the best global-threshold ones).</summary>
    public int PlottedFronts { get; init; } = 5;
}
