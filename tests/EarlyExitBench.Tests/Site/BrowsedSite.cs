using EarlyExitBench.Benchmarks;
using EarlyExitBench.Tests.Submissions;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Site;

/// <summary>
/// The site the browser tests open, built once per test process with <c>eebench site</c> from three submissions over
/// three settings: the tiny run's own (verified: its record made by <c>eebench verify --record</c> in the sandbox) and
/// two synthetic ones made from its cells (<see cref="SyntheticSubmissions"/>, one seed each, no record).
/// </summary>
internal static class BrowsedSite
{
    private static readonly Lazy<string> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The site folder (<c>index.html</c>, <c>settings/</c>, <c>methods/</c>, …).</summary>
    public static string Folder => Built.Value;

    private static string Build()
    {
        var root = TestPaths.TempDirectory();
        var submissions = Path.Combine(root, "submissions");
        SyntheticSubmissions.Write(TinyRun.Results, TinyRun.Suite, submissions, count: 2, seeds: 1, settings: 2);
        var tiny = Path.Combine(submissions, "tiny");
        foreach (var file in Directory.EnumerateFiles(TinyRun.Submission, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(tiny, Path.GetRelativePath(TinyRun.Submission, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var verify = InProcess.Run("verify", tiny, "--sample", "1", "--seed", "0", "--record", Path.Combine(submissions, "tiny.verification.json"));
        Assert.True(verify.Code == 0, verify.Out + verify.Err);
        var site = Path.Combine(root, "site");
        var build = InProcess.Run("site", submissions, "--out", site);
        Assert.True(build.Code == 0, build.Out + build.Err);
        return site;
    }
}
