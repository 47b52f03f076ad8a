using EarlyExitBench.Tests.Submissions;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Site;

/// <summary>
/// Submissions for the site tests, made once per test process from the submission tests' tiny suite (<see cref="TinyRun"/>)
/// on its data: <see cref="TinyRun.Submission"/> is submission A (identity, temperature; seeds 3 and 4); B is the same suite
/// with identity and platt; the run of all three calibrators is the oracle a joint ranking of A and B must equal; D runs
/// seed 3 alone, so its entries cannot be ranked with A's.
/// </summary>
internal static class SiteRuns
{
    private static readonly Lazy<(string B, string AllThree, string D)> Made = new(Make, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Submission B: identity and platt, seeds 3 and 4.</summary>
    public static string B => Made.Value.B;

    /// <summary>The results folder of one run of identity, temperature and platt (seeds 3 and 4): the leaderboard A and B together must give.</summary>
    public static string AllThree => Made.Value.AllThree;

    /// <summary>Submission D: identity and isotonic, seed 3 only.</summary>
    public static string D => Made.Value.D;

    /// <summary>A new folder of submissions: each (name, submission folder) copied in, with its record where given.</summary>
    public static string Folder(params (string Name, string Submission, string? Record)[] submissions)
    {
        var folder = TestPaths.TempDirectory();
        foreach (var (name, submission, record) in submissions)
        {
            foreach (var file in Directory.EnumerateFiles(submission, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(folder, name, Path.GetRelativePath(submission, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            if (record is not null)
            {
                File.Copy(record, Path.Combine(folder, name + ".verification.json"));
            }
        }

        return folder;
    }

    private static (string, string, string) Make()
    {
        var root = TestPaths.TempDirectory();
        var data = Path.Combine(TinyRun.Root, "data");
        var cache = Path.Combine(root, "cache");
        string Run(string name, string calibrators, int seeds, bool submit)
        {
            var suite = Path.Combine(root, name + ".yaml");
            File.WriteAllText(suite, TinyRun.SuiteText(name, data, calibrators, seeds));
            var results = Path.Combine(root, name);
            var run = InProcess.Run("run", suite, "--out", results, "--cache", cache);
            Assert.True(run.Code == 0, run.Err);
            if (!submit)
            {
                return results;
            }

            var submission = Path.Combine(root, name + "-submission");
            var made = InProcess.Run("submit", results, "--out", submission, "--suite", suite);
            Assert.True(made.Code == 0, made.Err);
            return submission;
        }

        return (Run("tiny-b", "[identity, platt]", 2, submit: true), Run("tiny-all", "[identity, temperature, platt]", 2, submit: false), Run("tiny-d", "[identity, isotonic]", 1, submit: true));
    }
}
