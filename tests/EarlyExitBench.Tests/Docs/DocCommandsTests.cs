using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Docs;

/// <summary>
/// Every shell block a reader would paste, in README.md, CONTRIBUTING.md and docs/**, is either run here as written
/// (<c>```bash test</c>) or marked <c>```bash example</c> with the reason on the line above; an unmarked block fails,
/// named by file and line. Each page's test blocks run in order, as one script, in a scratch folder of their own that
/// holds an <c>eebench</c> wrapper and links to the checkout's files and folders (but <c>results</c> and <c>artifacts</c>), so
/// <c>./eebench …</c> and relative paths read as in the checkout while everything is written under the scratch folder.
/// CONTRIBUTING.md's blocks run in <see cref="ContributingGuideTests"/> (they build four projects).
/// </summary>
public class DocCommandsTests
{
    /// <summary>The pages whose test blocks run here: all but CONTRIBUTING.md.</summary>
    public static TheoryData<string> PagesWithCommands => new(
        DocPages.All().Where(p => p != "CONTRIBUTING.md" && Blocks(p).Any(b => b.IsShell && b.Tag == "test")));

    [Fact]
    public void EveryShellBlockIsATestOrAnExampleWithItsReason()
    {
        var problems = DocPages.All().SelectMany(p => DocPages.Problems(Blocks(p))).ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Contains(DocPages.All(), p => p.StartsWith("docs/users/", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnmarkedOrUnexplainedBlockIsNamedByFileAndLine()
    {
        const string Page = "intro\n\n```bash\nls\n```\n\nSome text.\n\n```bash example\nrm -rf x\n```\n\nThis needs a GPU:\n\n```sh example\nnvidia-smi\n```\n\n```console test\necho hi\n```\n";

        var problems = DocPages.Problems(DocPages.Blocks("page.md", Page)).ToList();

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("page.md:3: a ```bash block must be ```bash test", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("page.md:9: the text just above an example block must say why", problems[1], StringComparison.Ordinal);
        Assert.Contains("it is 'Some text.'", problems[1], StringComparison.Ordinal);
        Assert.Equal("# page.md:19\necho hi\n", DocPages.Script(DocPages.Blocks("page.md", Page))["set -euo pipefail\nset -x\n".Length..]);
    }

    [Fact]
    public void EveryDocsFolderIndexLinksEveryPageInIt()
    {
        foreach (var folder in new[] { "users", "contributors", "maintainers" })
        {
            var path = Path.Combine(TestPaths.RepoRoot, "docs", folder);
            var index = File.ReadAllText(Path.Combine(path, "README.md"));
            var linked = DocPages.RelativeLinks(index).ToHashSet(StringComparer.Ordinal);
            var missing = Directory.EnumerateFiles(path, "*.md").Select(Path.GetFileName).Where(f => f != "README.md" && !linked.Contains(f!)).ToList();

            Assert.True(missing.Count == 0, $"docs/{folder}/README.md does not link {string.Join(", ", missing)}: add a line for each page");
        }
    }

    [Fact]
    public void EveryRelativeLinkPointsAtAFileOfTheCheckout()
    {
        var broken = DocPages.All()
            .SelectMany(p => DocPages.RelativeLinks(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, p)))
                .Where(t => t.Length > 0 && !Path.Exists(Path.Combine(TestPaths.RepoRoot, Path.GetDirectoryName(p)!, t)))
                .Select(t => $"{p}: {t}"))
            .ToList();

        Assert.True(broken.Count == 0, "links to nothing:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void TheReadmeIsAFrontDoorWithCisTestCommand()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var lines = readme.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Length;
        var commands = DocPages.Blocks("README.md", readme).Where(b => b.IsShell).Select(b => b.Body).ToList();

        Assert.True(lines <= 250, $"README.md has {lines} lines; keep it a front door (at most 250) and move the rest under docs/");
        Assert.Contains(commands, b => b.Split('\n').Any(l => l.StartsWith("./test.sh", StringComparison.Ordinal)));
        Assert.Contains("\n./test.sh\n", File.ReadAllText(Path.Combine(TestPaths.RepoRoot, ".ci", "run")), StringComparison.Ordinal);
        var screenshot = new FileInfo(Path.Combine(TestPaths.RepoRoot, "docs", "users", "report-screenshot.png"));
        Assert.True(screenshot.Exists && screenshot.Length is > 10_000 and < 300_000, $"{screenshot.FullName}: {(screenshot.Exists ? screenshot.Length : -1)} bytes");
    }

    [Theory]
    [MemberData(nameof(PagesWithCommands))]
    public void ThePagesTestBlocksRunAsWritten(string page)
    {
        var scratch = TestPaths.TempDirectory();
        foreach (var shared in Directory.EnumerateFileSystemEntries(TestPaths.RepoRoot).Select(Path.GetFileName).Where(n => n is not ("eebench" or "results" or "artifacts") && !n!.StartsWith('.')))
        {
            File.CreateSymbolicLink(Path.Combine(scratch, shared!), Path.Combine(TestPaths.RepoRoot, shared!));
        }

        var wrapper = Path.Combine(scratch, "eebench");
        File.WriteAllText(wrapper, "#!/usr/bin/env bash\nexec \"$EEBENCH/eebench\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        File.WriteAllText(Path.Combine(scratch, "commands.sh"), DocPages.Script(Blocks(page)));
        var environment = new Dictionary<string, string>
        {
            ["EEBENCH"] = TestPaths.RepoRoot,
            ["EEBENCH_CACHE"] = Path.Combine(scratch, "cache"),
            ["EEBENCH_SKIP_BUILD"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };

        var result = ChildProcess.Run(ChildProcess.StartInfo("bash", ["commands.sh"], scratch, environment), TimeSpan.FromMinutes(4));

        Assert.True(result.Code == 0, $"{page}'s test blocks failed (exit {result.Code}):\n{result.Err[^Math.Min(6000, result.Err.Length)..]}\n{result.Out[^Math.Min(2000, result.Out.Length)..]}");
    }

    private static IReadOnlyList<DocBlock> Blocks(string page) =>
        DocPages.Blocks(page, File.ReadAllText(Path.Combine(TestPaths.RepoRoot, page)));
}
