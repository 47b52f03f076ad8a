using System.Text.Json.Nodes;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Cli;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Leaderboard;

[Collection("Console")]
public class LeaderboardSchemaTests
{
    private static string EvaluateToyBundle()
    {
        var dir = TestPaths.TempDirectory();
        var random = new Random(4);
        ClassMatrix Logits(int n, int[] labels, double signal) => new(
            Enumerable.Range(0, n * 4).Select(i => (float)((random.NextDouble() * 2) + (i % 4 == labels[i / 4] ? signal : 0))).ToArray(), n, 4);
        var val = Enumerable.Range(0, 300).Select(_ => random.Next(4)).ToArray();
        var test = Enumerable.Range(0, 300).Select(_ => random.Next(4)).ToArray();
        var bundle = new LogitsBundle([Logits(300, val, 0.5), Logits(300, val, 1.5)], val, [Logits(300, test, 0.5), Logits(300, test, 1.5)], test, [1.0, 3.0], "toy", "two-exit");
        var path = Path.Combine(dir, "toy.npz");
        BundleFile.Write(path, bundle);
        var code = Commands.Run(["evaluate", "--bundle", path, "--calibrators", "identity,temperature,isotonic", "--failure-predictors", "msp,margin", "--out", dir, "--bootstrap", "50"], new StringWriter());
        Assert.Equal(ExitCodes.Ok, code);
        return File.ReadAllText(Path.Combine(dir, "leaderboard.json"));
    }

    [Fact]
    public void EvaluateWritesASchemaValidLeaderboard()
    {
        var json = EvaluateToyBundle();

        Assert.Empty(LeaderboardSchema.Errors(json));
    }

    [Fact]
    public void TheSchemaCatchesDrift()
    {
        var json = JsonNode.Parse(EvaluateToyBundle())!;
        var entry = json["groups"]![0]!["entries"]![0]!.AsObject();
        entry.Remove("rank");
        entry["efficiency"]!["score"] = 1.5;
        json["groups"]![0]!["exits"]![0]!["surprise"] = true;

        var errors = LeaderboardSchema.Errors(json.ToJsonString());

        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Contains("/entries/0", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/exits/0", StringComparison.Ordinal));
    }
}
