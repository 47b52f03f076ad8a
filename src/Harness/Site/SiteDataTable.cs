using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Site;

/// <summary>One ranking of <see cref="SiteDataSetting"/>.</summary>
/// <param name="Label">"all submissions, ranked together", or the submission's name.</param>
/// <param name="Submissions">Per entry of <paramref name="Group"/> (same order), the submissions reporting it.</param>
/// <param name="Group">The ranked group, in the published format.</param>
public sealed record SiteDataTable(string Label, IReadOnlyList<IReadOnlyList<string>> Submissions, GroupResult Group);
