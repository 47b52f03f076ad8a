using System.Text.Json.Nodes;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Leaderboard;

[Collection("Console")]
public class LeaderboardSchemaTests
{
    private static string EvaluateToyBundle() => File.ReadAllText(Path.Combine(ToyBundle.Evaluate(), "leaderboard.json"));

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
