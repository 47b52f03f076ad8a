using System.Text.Json.Nodes;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Cli;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Plugins.Metrics;

/// <summary>A metric dropped in as a plugin reaches the leaderboard, the correlations and the report; a faulty one fails alone.</summary>
[Collection("Console")]
public class MetricPluginTests
{
    [Fact]
    public void PluginMetricsReachEveryOutputAndFaultyOnesFailAlone()
    {
        var dir = TestPaths.TempDirectory();
        var random = new Random(5);
        ClassMatrix Logits(int n, int[] labels, double signal) => new(
            [.. Enumerable.Range(0, n * 4).Select(i => (float)((random.NextDouble() * 2) + (i % 4 == labels[i / 4] ? signal : 0)))], n, 4);
        var val = Enumerable.Range(0, 200).Select(_ => random.Next(4)).ToArray();
        var test = Enumerable.Range(0, 200).Select(_ => random.Next(4)).ToArray();
        var path = Path.Combine(dir, "toy.npz");
        BundleFile.Write(path, new LogitsBundle(
            [Logits(200, val, 0.4), Logits(200, val, 1.0), Logits(200, val, 2.0)], val,
            [Logits(200, test, 0.4), Logits(200, test, 1.0), Logits(200, test, 2.0)], test, [1.0, 2.0, 3.0], "toy", "three-exit"));

        var code = Commands.Run(["evaluate", "--bundle", path, "--calibrators", "identity,temperature", "--failure-predictors", "msp,margin",
            "--out", dir, "--bootstrap", "0", "--plugins", TestPaths.TestPlugin("FaultyMetric")], new StringWriter());

        Assert.Equal(ExitCodes.PartialFailure, code);
        var json = File.ReadAllText(Path.Combine(dir, "leaderboard.json"));
        Assert.Empty(LeaderboardSchema.Errors(json));
        var document = JsonNode.Parse(json)!;
        var group = document["groups"]![0]!;
        foreach (var entry in group["entries"]!.AsArray())
        {
            var perExit = entry!["per_exit"]!.AsArray();
            Assert.Equal([0.0, null, 2.0], perExit.Select(e => e!["throws_at_exit2"]?.GetValue<double>()));
            Assert.All(perExit, e => Assert.Null(e!["nan_metric"]));

            // A metric may read another exit: the last exit's accuracy, at every exit.
            Assert.All(perExit, e => Assert.Equal(perExit[2]!["accuracy"]!.GetValue<double>(), e!["last_exit_accuracy"]!.GetValue<double>()));
        }

        // One failure per faulty metric and method, named; the built-in metrics are all there.
        var failures = document["failures"]!.AsArray().Select(f => (f!["kind"]!.GetValue<string>(), f["plugin"]!.GetValue<string>(), f["stage"]!.GetValue<string>())).ToList();
        Assert.Equal(8, failures.Count);
        Assert.Contains(("metric", "throws_at_exit2", "compute (exit 2) of identity+msp"), failures);
        Assert.Contains(("metric", "nan_metric", "compute (exit 1) of temperature+margin"), failures);
        Assert.NotNull(group["entries"]![0]!["per_exit"]![0]!["ece"]);

        // Proxies are correlated; a metric that says it is no proxy is not.
        var correlations = group["proxy_correlation"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("throws_at_exit2", correlations);
        Assert.DoesNotContain("last_exit_accuracy", correlations);
        Assert.Contains(document["metrics"]!.AsArray(), m => m!["name"]!.GetValue<string>() == "last_exit_accuracy" && !m["proxy"]!.GetValue<bool>());
        Assert.Contains("| throws_at_exit2 | ↑ | yes | throws at exit 2 | fixture | TestPlugin.FaultyMetric", File.ReadAllText(Path.Combine(dir, "report.md")), StringComparison.Ordinal);
    }
}
