using EarlyExitBench.Harness.Claims;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Site;

/// <summary>
/// The paper's claims (<see cref="ClaimsEvaluator"/>) on the settings of one benchmark version: each setting whose entries
/// are ranked in one table enters as one leaderboard group; a setting shown side by side would enter twice, so it is left out.
/// </summary>
/// <param name="Benchmark">The benchmark version.</param>
/// <param name="Report">The verdicts; null when no setting could enter.</param>
/// <param name="LeftOut">Settings not used, each with why.</param>
/// <param name="FewSeeds">Settings with fewer seeds than the claims' intervals need (<see cref="ClaimRules.MinimumSeeds"/>).</param>
public sealed record SiteClaims(string Benchmark, ClaimsReport? Report, IReadOnlyList<string> LeftOut, IReadOnlyList<string> FewSeeds)
{
    /// <summary>The claims of every benchmark version of <paramref name="settings"/>.</summary>
    public static IReadOnlyList<SiteClaims> Of(IReadOnlyList<SiteSubmission> submissions, IReadOnlyList<SiteSetting> settings, ClaimsOptions options)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        return settings.GroupBy(s => s.Benchmark).Select(version =>
        {
            var used = version.Where(s => s.Pooled).ToList();
            var leftOut = version.Where(s => !s.Pooled).Select(s => $"{s.Title}: its submissions are shown side by side, and would count twice").ToList();
            var fewSeeds = version.Where(s => s.Seeds.Count < ClaimRules.MinimumSeeds)
                .Select(s => $"{s.Title}: {s.Seeds.Count} seed(s); the claims' intervals need {ClaimRules.MinimumSeeds}, so its rows have none").ToList();
            if (used.Count == 0)
            {
                return new SiteClaims(version.Key, null, leftOut, fewSeeds);
            }

            var template = submissions.First(s => s.Benchmark == version.Key).Leaderboard;
            var document = template with { Groups = used.Select(s => s.Tables[0].Group).ToList(), Failures = [] };
            try
            {
                return new SiteClaims(version.Key, ClaimsEvaluator.Evaluate(ClaimsData.From(document, "the site's settings of " + version.Key), options), leftOut, fewSeeds);
            }
            catch (InvalidDataException ex)
            {
                // The claims need per-seed proxies a leaderboard may lack; the rest of the site does not.
                return new SiteClaims(version.Key, null, [.. leftOut, "the claims could not be evaluated: " + ex.Message], fewSeeds);
            }
        }).ToList();
    }
}
