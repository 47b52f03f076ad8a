namespace EarlyExitBench.Harness.Site;

/// <summary>Where each page of a site is, as relative links from a page <c>root</c> away from the site's root ("" or "../").</summary>
internal sealed class SiteLinks
{
    private readonly Dictionary<string, string> _methods;
    private readonly Dictionary<string, string> _submissions;

    /// <summary>The links of <paramref name="model"/>'s pages.</summary>
    public SiteLinks(SiteModel model)
    {
        _methods = model.Methods.ToDictionary(m => m.Method, m => m.Slug, StringComparer.Ordinal);
        var anchors = new Slugs();
        _submissions = model.Submissions.ToDictionary(s => s.Name, s => "submission-" + anchors.Take(s.Name), StringComparer.Ordinal);
    }

    /// <summary>The file of a method's page, relative to the site's root.</summary>
    public string MethodFile(string method) => $"methods/{_methods[method]}.html";

    /// <summary>A link to a method's page.</summary>
    public string Method(string root, string method) => root + MethodFile(method);

    /// <summary>A link to a setting's page.</summary>
    public static string Setting(string root, SiteSetting setting) => $"{root}settings/{setting.Slug}.html";

    /// <summary>The anchor of a submission's section on <c>submissions.html</c>.</summary>
    public string SubmissionAnchor(string name) => _submissions[name];

    /// <summary>A link to a submission's section.</summary>
    public string Submission(string root, string name) => $"{root}submissions.html#{_submissions[name]}";
}
