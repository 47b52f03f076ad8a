using EarlyExitBench.Harness.Claims;

namespace EarlyExitBench.Harness.Site;

/// <summary>Everything a site shows, read and grouped once; the pages and downloads are functions of it.</summary>
/// <param name="Submissions">Every submission, by name.</param>
/// <param name="Settings">Every setting, in the index's order.</param>
/// <param name="Claims">Per benchmark version, the claims on its settings; null where no setting could be used.</param>
public sealed record SiteModel(IReadOnlyList<SiteSubmission> Submissions, IReadOnlyList<SiteSetting> Settings, IReadOnlyList<SiteClaims> Claims)
{
    /// <summary>Reads <paramref name="folder"/> and groups its settings (see <see cref="SiteInput"/>, <see cref="SettingGrouper"/>).</summary>
    public static SiteModel Read(string folder, ClaimsOptions? claims = null)
    {
        var submissions = SiteInput.Read(folder);
        var settings = SettingGrouper.Group(submissions);
        return new SiteModel(submissions, settings, SiteClaims.Of(submissions, settings, claims ?? new ClaimsOptions()));
    }

    /// <summary>Every method (<see cref="SiteSetting.MethodName"/>) of any setting, ordinal, with its page's slug.</summary>
    public IReadOnlyList<(string Method, string Slug)> Methods
    {
        get
        {
            var slugs = new Slugs();
            return Settings.SelectMany(s => s.Tables).SelectMany(t => t.Rows).Select(r => r.Method).Distinct().Order(StringComparer.Ordinal)
                .Select(m => (Method: m, Slug: slugs.Take(m))).ToList();
        }
    }
}
