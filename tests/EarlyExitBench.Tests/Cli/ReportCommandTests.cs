using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EarlyExitBench.Harness.Cli;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Cli;

[Collection("Console")]
public class ReportCommandTests
{
    [Fact]
    public void RebuildsBothReportsFromTheLeaderboardAlone()
    {
        var alone = TestPaths.TempDirectory();
        File.Copy(Path.Combine(ToyBundle.Evaluate(), "leaderboard.json"), Path.Combine(alone, "leaderboard.json"));
        var output = Path.Combine(alone, "site");

        var (code, stdout, _) = InProcess.Run("report", Path.Combine(alone, "leaderboard.json"), "--out", output);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains(Path.Combine(output, "report.html"), stdout, StringComparison.Ordinal);
        var markdown = File.ReadAllText(Path.Combine(output, "report.md"));
        var images = Regex.Matches(markdown, @"!\[[^\]]*\]\(([^)]+\.png)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.True(images.Count >= 8, $"{images.Count} plots");
        Assert.All(images, png => Assert.True(new FileInfo(Path.Combine(output, png)).Length > 1000, png));
        Assert.Contains("| rank | rank 95% | calibrator | failure predictor |", markdown, StringComparison.Ordinal);

        // One self-contained page: every plot of report.md as an inline SVG chart, no PNG, stylesheet and script inline,
        // nothing fetched from anywhere.
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Equal(images.Count, Regex.Matches(html, "<svg class=\"eeb-chart\"").Count);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data:image/png", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ALeaderboardReadBackIsTheSameDocument()
    {
        var path = Path.Combine(ToyBundle.Evaluate(), "leaderboard.json");
        var copy = Path.Combine(TestPaths.TempDirectory(), "copy.json");

        LeaderboardWriter.Write(copy, LeaderboardReader.Read(path));

        Assert.Equal(File.ReadAllText(path), File.ReadAllText(copy));
    }

    [Fact]
    public void BadLeaderboardsExit2NamingTheFile()
    {
        var dir = TestPaths.TempDirectory();
        var old = JsonNode.Parse(File.ReadAllText(Path.Combine(ToyBundle.Evaluate(), "leaderboard.json")))!;
        old["schema_version"] = 1;
        File.WriteAllText(Path.Combine(dir, "old.json"), old.ToJsonString());
        File.WriteAllText(Path.Combine(dir, "garbage.json"), "{ not json");
        var incomplete = JsonNode.Parse(old.ToJsonString())!;
        incomplete["schema_version"] = 2;
        incomplete.AsObject().Remove("groups");
        File.WriteAllText(Path.Combine(dir, "incomplete.json"), incomplete.ToJsonString());

        foreach (var (file, expected) in new[] { ("missing.json", "not found"), ("old.json", "schema_version 1"), ("garbage.json", "not a leaderboard"), ("incomplete.json", "not a leaderboard") })
        {
            var path = Path.Combine(dir, file);
            var (code, _, errors) = InProcess.Run("report", path);

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains(path, errors, StringComparison.Ordinal);
            Assert.Contains(expected, errors, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
        }
    }
}
