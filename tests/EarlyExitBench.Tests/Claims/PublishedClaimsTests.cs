using EarlyExitBench.Harness.Cli;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Claims;

/// <summary>
/// Every published leaderboard (docs/reproduction/NAME/leaderboard.json.gz) still gives its committed claims output
/// (claims-v1.md, claims-v2.md) byte for byte, so a verdict can always be re-derived from the raw results.
/// </summary>
[Collection("Console")]
public class PublishedClaimsTests
{
    private static readonly string Published = Path.Combine(TestPaths.RepoRoot, "docs", "reproduction");

    public static TheoryData<string, string> Outputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var leaderboard in Directory.GetFiles(Published, "leaderboard.json.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var rules in new[] { "v1", "v2" })
            {
                data.Add(Path.GetRelativePath(Published, Path.GetDirectoryName(leaderboard)!), rules);
            }
        }

        return data;
    }

    [Fact]
    public void PaperQuickIsPublished() => Assert.Contains(Outputs(), row => (string)row[0] == "paper-quick");

    [Theory]
    [MemberData(nameof(Outputs))]
    public void ClaimsOnThePublishedLeaderboardGiveTheCommittedOutput(string study, string rules)
    {
        var folder = Path.Combine(Published, study);
        var expected = Path.Combine(folder, $"claims-{rules}.md");
        Assert.True(File.Exists(expected), $"{expected} is missing: run eebench claims {folder}/leaderboard.json.gz --rules {rules} > {expected}");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var code = Commands.Run(["claims", Path.Combine(folder, "leaderboard.json.gz"), "--rules", rules], stdout, stderr);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(string.Empty, stderr.ToString());
        Assert.Equal(File.ReadAllText(expected).ReplaceLineEndings("\n"), stdout.ToString().ReplaceLineEndings("\n"));
    }
}
