using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Submissions;

namespace EarlyExitBench.Harness.Site;

/// <summary>One accepted submission as the site shows it.</summary>
/// <param name="Name">Its folder's name under the submissions folder.</param>
/// <param name="Sha256">SHA-256 of its <c>submission.json</c>.</param>
/// <param name="Manifest">Its manifest: pin, machine, plugins.</param>
/// <param name="Leaderboard">The leaderboard of its cells, built from them as <c>eebench merge</c> builds one (no clock, no command line).</param>
/// <param name="Cells">Every planned cell with its verification status, in plan order.</param>
/// <param name="Verification">Its verification record; null when it has none.</param>
/// <param name="Bootstrap">The plan's resamples and seed of the proxy-correlation intervals.</param>
public sealed record SiteSubmission(
    string Name, string Sha256, SubmissionManifest Manifest, LeaderboardDocument Leaderboard, IReadOnlyList<SiteCell> Cells, VerificationRecord? Verification,
    (int Resamples, int Seed) Bootstrap)
{
    /// <summary>The benchmark version its entries belong to: entries of different versions are never ranked together.</summary>
    public string Benchmark => $"{Manifest.Pin.Harness} {Manifest.Pin.HarnessVersion}, schema {Manifest.Pin.SchemaVersion}";
}
