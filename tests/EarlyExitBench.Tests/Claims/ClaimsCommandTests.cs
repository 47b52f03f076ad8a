using System.Text.Json.Nodes;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Cli;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Claims;

[Collection("Console")]
public class ClaimsCommandTests
{
    private static readonly Lazy<string> Toy = new(EvaluateToyBundle);

    /// <summary>A real leaderboard: a 3-exit toy bundle through <c>eebench evaluate</c> with the claims' reference methods.</summary>
    private static string EvaluateToyBundle()
    {
        var dir = TestPaths.TempDirectory();
        var random = new Random(12);
        ClassMatrix Logits(int[] labels, double signal) => new(
            Enumerable.Range(0, labels.Length * 5).Select(i => (float)((random.NextDouble() * 2) + (i % 5 == labels[i / 5] ? signal : 0))).ToArray(), labels.Length, 5);
        var val = Enumerable.Range(0, 400).Select(_ => random.Next(5)).ToArray();
        var test = Enumerable.Range(0, 400).Select(_ => random.Next(5)).ToArray();
        var bundle = new LogitsBundle(
            [Logits(val, 0.6), Logits(val, 1.2), Logits(val, 2.0)], val, [Logits(test, 0.6), Logits(test, 1.2), Logits(test, 2.0)], test, [1.0, 2.0, 3.0], "toy", "three-exit");
        var path = Path.Combine(dir, "toy.npz");
        BundleFile.Write(path, bundle);
        var code = Commands.Run(
            ["evaluate", "--bundle", path, "--calibrators", "identity,temperature,histogram,isotonic", "--failure-predictors", "msp,margin,entropy,exit-aware", "--out", dir, "--bootstrap", "100"],
            new StringWriter());
        Assert.Equal(ExitCodes.Ok, code);
        return Path.Combine(dir, "leaderboard.json");
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        return (Commands.Run(args, stdout, stderr), stdout.ToString(), stderr.ToString());
    }

    private static string WriteVariant(Action<JsonNode> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(Toy.Value))!;
        change(json);
        var path = Path.Combine(TestPaths.TempDirectory(), "leaderboard.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    [Fact]
    public void RulesV2PrintsSixClaimsAndTheTestImages()
    {
        var (code, output, errors) = Run("claims", Toy.Value, "--resamples", "100", "--rules", "v2");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(string.Empty, errors);
        for (var n = 1; n <= 6; n++)
        {
            Assert.Contains($"### Claim {n}: ", output, StringComparison.Ordinal);
        }

        Assert.Contains("Rules v2 (fixed before any v2 result was computed)", output, StringComparison.Ordinal);
        Assert.Contains("in test images (× 400)", output, StringComparison.Ordinal); // the toy's test set, read off the fronts
        Assert.Contains("argmax-keeping calibrators that materially reorder (A)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownRulesVersionIsBadInput()
    {
        var (code, _, errors) = Run("claims", Toy.Value, "--rules", "v3");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("v3", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void PrintsEveryClaimWithAVerdictAndExitsZero()
    {
        var (code, output, errors) = Run("claims", Toy.Value, "--resamples", "200", "--correlations");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(string.Empty, errors);
        for (var n = 1; n <= 5; n++)
        {
            Assert.Contains($"### Claim {n}: ", output, StringComparison.Ordinal);
        }

        Assert.Contains("| auroc |", output, StringComparison.Ordinal);

        // The run's report has the same section.
        Assert.Contains("## The paper's claims", File.ReadAllText(Path.Combine(Path.GetDirectoryName(Toy.Value)!, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonAgreesWithTheLeaderboardsOwnProxyCorrelations()
    {
        var (code, output, _) = Run("claims", Toy.Value, "--json", "--resamples", "200");
        var report = JsonNode.Parse(output)!;
        var leaderboard = JsonNode.Parse(File.ReadAllText(Toy.Value))!;

        Assert.Equal(ExitCodes.Ok, code);
        var claims = report["claims"]!.AsArray();
        Assert.Equal([1, 2, 3, 4, 5], claims.Select(c => c!["number"]!.GetValue<int>()));
        Assert.All(claims, c => Assert.Contains(c!["verdict"]!.GetValue<string>(), new[] { "supported", "not_supported", "inconclusive" }));

        // One seed: the seed-bootstrap claims have no interval, so they cannot be decided.
        Assert.Equal("inconclusive", claims[0]!["verdict"]!.GetValue<string>());
        Assert.Equal("inconclusive", claims[4]!["verdict"]!.GetValue<string>());

        // Claim 4 recomputes Spearman from per-seed proxies; the leaderboard computed it from the cell results.
        var correlation = leaderboard["groups"]![0]!["proxy_correlation"]!;
        double Rho(string name) => correlation[name]!["spearman"]!.GetValue<double>();
        var expected = (Rho("auroc") - Rho("aurc") - Rho("augrc") + Rho("eefp_auroc")) / 4;
        var row = claims[3]!["groups"]![0]!["statistics"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "failure-prediction mean oriented ρ")!;
        Assert.Equal(expected, row["value"]!.GetValue<double>(), 12);
        var calibration = -(Rho("ece") + Rho("adaptive_ece") + Rho("brier") + Rho("nll")) / 4;
        var calibrationRow = claims[3]!["groups"]![0]!["statistics"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "calibration mean oriented ρ")!;
        Assert.Equal(calibration, calibrationRow["value"]!.GetValue<double>(), 12);
    }

    [Fact]
    public void IsDeterministic()
    {
        Assert.Equal(Run("claims", Toy.Value, "--json", "--resamples", "100").Out, Run("claims", Toy.Value, "--json", "--resamples", "100").Out);
    }

    [Fact]
    public void BadInputIsOneLineAndExitCode2()
    {
        var missing = Path.Combine(TestPaths.TempDirectory(), "nope.json");
        var notJson = Path.Combine(TestPaths.TempDirectory(), "leaderboard.json");
        File.WriteAllText(notJson, "{ not json");
        var oldSchema = WriteVariant(j => j["schema_version"] = 1);
        var noProxies = WriteVariant(j => j["groups"]![0]!["entries"]![2]!["per_seed"]![0]!.AsObject().Remove("proxies"));

        foreach (var (path, expected) in new[] { (missing, "leaderboard not found"), (notJson, "not valid JSON"), (oldSchema, "schema_version 1"), (noProxies, "entries[2]") })
        {
            var (code, output, errors) = Run("claims", path);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Equal(string.Empty, output);

            // One line naming the file, then one indented line per problem (the reader of report and compare too).
            Assert.All(errors.Trim().Split('\n').Skip(1), line => Assert.StartsWith("  $", line, StringComparison.Ordinal));
            Assert.Contains(path, errors, StringComparison.Ordinal);
            Assert.Contains(expected, errors, StringComparison.Ordinal);
        }

        Assert.Equal(ExitCodes.BadInput, Run("claims", Toy.Value, "--resamples", "0").Code);
    }
}
