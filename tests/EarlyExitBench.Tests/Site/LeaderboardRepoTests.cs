using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EarlyExitBench.Tests.Submissions;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Site;

/// <summary>
/// <c>templates/leaderboard-repo/</c> as a maintainer forks it: its one CI script run end to end in a git repository made
/// from the template, on two pull requests that each add a real submission of a tiny suite (made here with
/// <c>eebench run</c> and <c>submit</c>). Each is verified in the bubblewrap sandbox with its record written, a maintainer
/// commits the record, a pull request that changes anything else is refused, and the main job builds the site.
/// </summary>
[Collection("Console")]
public partial class LeaderboardRepoTests(ITestOutputHelper output)
{
    private static readonly string Template = Path.Combine(TestPaths.RepoRoot, "templates", "leaderboard-repo");

    [Fact]
    public void TheCiScriptVerifiesEachPullRequestsSubmissionAndBuildsTheSiteFromTheMergedOnes()
    {
        Assert.True(File.Exists("/usr/bin/bwrap"), "bubblewrap is missing: build/setup.sh installs it with EEBENCH_TEST_SETUP=1");
        var watch = Stopwatch.StartNew();
        var dir = TestPaths.TempDirectory();
        var repo = Path.Combine(dir, "leaderboard");
        CopyTree(Template, repo);
        Git(repo, "init", "-q", "-b", "main");
        Commit(repo, "the template");
        var submissions = new[] { ("alice-tiny", TinyRun.Submission), ("bob-tiny", SecondSubmission(dir)) };
        output.WriteLine($"two submissions made in {watch.Elapsed.TotalSeconds:F1} s");

        foreach (var (name, submission) in submissions)
        {
            Git(repo, "checkout", "-q", "-b", "pr-" + name, "main");
            CopyTree(submission, Path.Combine(repo, "submissions", name));
            Commit(repo, "add " + name);

            var pr = Script(repo, "pr", "main");
            output.WriteLine($"$ ci/leaderboard.sh pr main   # {name}\n{pr.Out}{pr.Err}");
            Assert.True(pr.Code == 0, pr.ToString());
            var recordPath = Path.Combine(repo, "_records", name + ".verification.json");
            var record = JsonNode.Parse(File.ReadAllText(recordPath))!;
            Assert.Equal("eebench-verification/1", (string?)record["format"]);
            Assert.Equal(Sha256(Path.Combine(submission, "submission.json")), (string?)record["submission_sha256"]);
            Assert.True((bool?)record["sandbox"]);
            var planned = JsonNode.Parse(File.ReadAllText(Path.Combine(submission, "submission.json")))!["cells"]!.AsArray().Count;
            var cells = record["cells"]!.AsArray();
            Assert.Equal(Math.Min(2, planned), cells.Count);
            Assert.All(cells, c => Assert.Equal("verified", (string?)c!["verdict"]));

            // The maintainer commits the record; the check accepts a record of these bytes only.
            var committed = Path.Combine(repo, "submissions", name + ".verification.json");
            File.WriteAllText(committed, File.ReadAllText(recordPath).Replace((string)record["submission_sha256"]!, new string('0', 64), StringComparison.Ordinal));
            Commit(repo, "a stale record of " + name);
            var stale = Script(repo, "pr", "main");
            Assert.True(stale.Code == 2, stale.ToString());
            Assert.Contains($"submissions/{name}.verification.json is not a record of this submission", stale.Err, StringComparison.Ordinal);
            File.Copy(recordPath, committed, overwrite: true);
            Commit(repo, "the record of " + name);
            if (name == "bob-tiny")
            {
                var accepted = Script(repo, "pr", "main"); // one cell: cheap to re-run
                Assert.True(accepted.Code == 0, accepted.ToString());
            }

            Git(repo, "checkout", "-q", "main");
            Git(repo, "merge", "-q", "--no-ff", "-m", "merge " + name, "pr-" + name);
        }

        // A pull request that touches anything besides one submission is refused before anything runs.
        Git(repo, "checkout", "-q", "-b", "pr-sneaky", "main");
        File.AppendAllText(Path.Combine(repo, "ci", "leaderboard.sh"), "\n# harmless?\n");
        CopyTree(TinyRun.Submission, Path.Combine(repo, "submissions", "carol"));
        Commit(repo, "carol, and a change to CI");
        var sneaky = Script(repo, "pr", "main");
        Assert.True(sneaky.Code == 2, sneaky.ToString());
        Assert.Contains("this pull request changes ci/leaderboard.sh", sneaky.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(repo, "_records", "carol.verification.json")));
        Git(repo, "checkout", "-q", "main");

        // The main job: the site of both merged submissions, with their verification.
        var site = Script(repo, "build-site", "_site");
        output.WriteLine($"$ ci/leaderboard.sh build-site _site\n{site.Out}{site.Err}");
        Assert.True(site.Code == 0, site.ToString());
        var pages = Directory.GetFiles(Path.Combine(repo, "_site"), "*.html", SearchOption.AllDirectories);
        Assert.Contains(Path.Combine(repo, "_site", "index.html"), pages);
        var who = File.ReadAllText(Path.Combine(repo, "_site", "submissions.html"));
        Assert.Contains("alice-tiny", who, StringComparison.Ordinal);
        Assert.Contains("bob-tiny", who, StringComparison.Ordinal);
        Assert.Contains("verified", who, StringComparison.Ordinal);
        output.WriteLine($"end to end in {watch.Elapsed.TotalSeconds:F1} s ({pages.Length} pages)");
    }

    [Fact]
    public void EveryWorkflowStepThatDoesWorkIsTheScriptAndEveryActionIsPinnedToACommit()
    {
        var workflow = File.ReadAllLines(Path.Combine(Template, ".github", "workflows", "leaderboard.yml"));
        var runs = workflow.Where(l => l.TrimStart().StartsWith("- run:", StringComparison.Ordinal) || l.TrimStart().StartsWith("run:", StringComparison.Ordinal)).ToList();
        var uses = workflow.Where(l => l.Contains("uses:", StringComparison.Ordinal)).Select(l => UsesLine().Match(l)).ToList();

        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Matches(@"run: ci/leaderboard\.sh (pr|build-site) ", r.Trim().TrimStart('-', ' ')));
        Assert.NotEmpty(uses);
        Assert.All(uses, u => Assert.True(u.Success, "an action not pinned as uses: OWNER/NAME@SHA # vX.Y.Z"));
        Assert.All(uses, u => Assert.Matches("^[0-9a-f]{40}$", u.Groups["ref"].Value));
        Assert.All(uses, u => Assert.Matches(@"^v\d+\.\d+\.\d+$", u.Groups["tag"].Value));
        Assert.Contains(uses, u => u.Groups["action"].Value == "actions/deploy-pages");
        Assert.Contains(uses, u => u.Groups["action"].Value == "actions/upload-pages-artifact");
        Assert.DoesNotContain(workflow, l => l.Contains("pull_request_target", StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'));
    }

    /// <summary>A second real submission: the tiny suite with one seed and the identity calibrator only (one cell).</summary>
    private static string SecondSubmission(string dir)
    {
        var data = SyntheticIdx.Write(Path.Combine(dir, "data"), train: 500, test: 150);
        var suite = Path.Combine(dir, "tiny-b.yaml");
        File.WriteAllText(suite, TinyRun.SuiteText("tiny-b", data, "[identity]", seeds: 1));
        var run = InProcess.Run("run", suite, "--out", Path.Combine(dir, "results-b"), "--cache", Path.Combine(dir, "cache"));
        Assert.True(run.Code == 0, run.Err);
        var submission = Path.Combine(dir, "submission-b");
        var submit = InProcess.Run("submit", Path.Combine(dir, "results-b"), "--out", submission, "--suite", suite);
        Assert.True(submit.Code == 0, submit.Err);
        return submission;
    }

    private static ProcessResult Script(string repo, params string[] args) => ChildProcess.Run(
        ChildProcess.StartInfo("bash", ["ci/leaderboard.sh", .. args], repo, new Dictionary<string, string>
        {
            ["EEBENCH"] = "dotnet " + Eebench.Dll,
            ["SEED"] = "0",
            ["GITHUB_ACTIONS"] = string.Empty, // not a runner: no apt, no sysctl
            ["GITHUB_STEP_SUMMARY"] = string.Empty,
        }),
        TimeSpan.FromMinutes(5));

    private static void Commit(string repo, string message)
    {
        Git(repo, "add", "-A");
        Git(repo, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", message);
    }

    private static void Git(string repo, params string[] args)
    {
        var git = ChildProcess.Run(ChildProcess.StartInfo("git", ["-C", repo, .. args]), TimeSpan.FromMinutes(1));
        Assert.True(git.Code == 0, git.ToString());
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    [GeneratedRegex(@"uses: (?<action>[\w./-]+)@(?<ref>\S+) # (?<tag>\S+)")]
    private static partial Regex UsesLine();
}
