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
    public void EveryPluginIsRecordedUnderItsCurrentAliasWithVersionDescriptionAndCitation()
    {
        // max_logit is the deprecated alias of max-logit: the document must carry one name, the current one.
        var json = File.ReadAllText(Path.Combine(ToyBundle.EvaluateWith("identity,temperature", "msp,max_logit"), "leaderboard.json"));

        Assert.Empty(LeaderboardSchema.Errors(json));
        var document = JsonNode.Parse(json)!;
        var plugins = document["provenance"]!["plugins"]!.AsArray().Select(p => p!.AsObject()).ToList();
        var maxLogit = Assert.Single(plugins, p => (string?)p["alias"] == "max-logit");
        Assert.Equal("failure predictor", (string?)maxLogit["kind"]);
        Assert.Equal(typeof(EarlyExitBench.FailurePredictors.Standard.MaxLogitScore).Assembly.GetName().Version!.ToString(3), (string?)maxLogit["version"]);
        Assert.Equal("Largest raw logit", (string?)maxLogit["description"]);
        Assert.StartsWith("Hendrycks et al. 2022", (string?)maxLogit["citation"], StringComparison.Ordinal);
        Assert.StartsWith("EarlyExitBench.FailurePredictors.Standard ", (string?)maxLogit["assembly"], StringComparison.Ordinal);
        Assert.StartsWith("Guo, Pleiss, Sun & Weinberger 2017", (string?)Assert.Single(plugins, p => (string?)p["alias"] == "temperature")["citation"], StringComparison.Ordinal);
        Assert.Contains(plugins, p => (string?)p["kind"] == "metric" && (string?)p["alias"] == "ece");
        Assert.DoesNotContain(plugins, p => (string?)p["alias"] == "max_logit");
        var predictors = document["groups"]![0]!["entries"]!.AsArray().Select(e => (string?)e!["failure_predictor"]).Distinct().Order();
        Assert.Equal(["max-logit", "msp"], predictors);
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
