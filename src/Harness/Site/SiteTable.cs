using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Site;

/// <summary>One ranking of a setting: every submission's entries ranked together, or one submission's alone.</summary>
/// <param name="Label">"all submissions, ranked together", or the one submission's name.</param>
/// <param name="Group">The group shown: its entries are ranked and carry their intervals.</param>
/// <param name="Rows">Its entries in rank order, with submissions and cells.</param>
public sealed record SiteTable(string Label, GroupResult Group, IReadOnlyList<SiteRow> Rows);
