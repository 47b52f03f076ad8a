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
    public void PaperQuickAndStudyV2ArePublished()
    {
        Assert.Contains(Outputs(), row => (string)row[0] == "paper-quick");
        Assert.Contains(Outputs(), row => (string)row[0] == "study-v2");
    }

    /// <summary>A published study ran the suite file that is committed under its name, byte for byte: its header
    /// (the design fixed before the run) is not edited afterwards, so a reader can check what was pre-registered.</summary>
    [Theory]
    [InlineData("paper-quick")]
    [InlineData("study-v2")]
    public void ThePublishedLeaderboardRanTheCommittedSuiteFile(string study)
    {
        using var gz = new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(Published, study, "leaderboard.json.gz")), System.IO.Compression.CompressionMode.Decompress);
        using var document = System.Text.Json.JsonDocument.Parse(gz);
        var recorded = document.RootElement.GetProperty("provenance").GetProperty("suite_sha256").GetString();

        var committed = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "suites", study + ".yaml"))));

        Assert.Equal(committed, recorded);
    }

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
