namespace EarlyExitBench.Harness.Site;

/// <summary>
/// <c>data/leaderboard.json</c> of a site (<see cref="CurrentFormat"/>): every setting's rankings, each a leaderboard group in
/// the published format (<c>schemas/leaderboard.schema.json</c>, <c>groups[]</c>), and every submission with its pin, machine,
/// plugins and each cell's verification status.
/// </summary>
/// <param name="Format">Always <see cref="CurrentFormat"/>.</param>
/// <param name="Settings">Every setting, in the index's order.</param>
/// <param name="Submissions">Every submission, by name.</param>
public sealed record SiteData(string Format, IReadOnlyList<SiteDataSetting> Settings, IReadOnlyList<SiteDataSubmission> Submissions)
{
    /// <summary>The format this eebench writes.</summary>
    public const string CurrentFormat = "eebench-site/1";
}
