using System.Text.Json.Nodes;
using EarlyExitBench.Harness.Cli;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Cli;

[Collection("Console")]
public class CompareCommandTests
{
    [Fact]
    public void NothingMovesBetweenALeaderboardAndItself()
    {
        var path = Path.Combine(ToyBundle.Evaluate(), "leaderboard.json");

        var (code, stdout, stderr) = InProcess.Run("compare", path, path);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Nothing moved beyond its 95% interval.", stdout, StringComparison.Ordinal);
        Assert.Contains("exit 0", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AScoreOrAProxyBeyondItsIntervalExits1AndIsNamed()
    {
        var dir = ToyBundle.Evaluate();
        var a = Path.Combine(dir, "leaderboard.json");
        var json = JsonNode.Parse(File.ReadAllText(a))!;
        var entries = json["groups"]![0]!["entries"]!.AsArray();
        var last = entries[^1]!;
        var top = entries[0]!["efficiency"]!["score_ci"]!.AsArray();
        var above = top[1]!.GetValue<double>() + 0.05;
        last["efficiency"]!["score"] = above + 0.01;
        last["efficiency"]!["score_ci"] = new JsonArray(above, above + 0.02);
        json["groups"]![0]!["proxy_correlation"]!["auroc"]!["spearman_ci"] = new JsonArray(-1.0, -0.99);
        json["groups"]![0]!["proxy_correlation"]!["auroc"]!["kendall_ci"] = new JsonArray(-1.0, -0.99);
        entries.RemoveAt(1);
        var b = Path.Combine(dir, "after.json");
        File.WriteAllText(b, json.ToJsonString());
        var report = Path.Combine(dir, "changes.md");

        var (code, stdout, _) = InProcess.Run("compare", a, b, "--out", report);

        Assert.Equal(ExitCodes.PartialFailure, code);
        Assert.Contains(report, stdout, StringComparison.Ordinal);
        var markdown = File.ReadAllText(report);
        var moved = $"| {last["calibrator"]} + {last["failure_predictor"]} |";
        Assert.Contains(markdown.Split('\n'), line => line.StartsWith(moved, StringComparison.Ordinal) && line.TrimEnd().EndsWith("| score |", StringComparison.Ordinal));
        Assert.Contains(markdown.Split('\n'), line => line.StartsWith("| auroc |", StringComparison.Ordinal));
        Assert.Contains("only in A", markdown, StringComparison.Ordinal);
        Assert.Contains("Moved beyond the 95% intervals: 1 efficiency score(s)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingLeaderboardExits2()
    {
        var (code, _, errors) = InProcess.Run("compare", "/nonexistent/a.json", "/nonexistent/b.json");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("/nonexistent/a.json", errors, StringComparison.Ordinal);
    }
}
