using System.Text.Json.Nodes;
using EarlyExitBench.Architectures.MsdNet;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Suites;

/// <summary>
/// A suite's <c>cost_convention</c>: the default keeps EarlyExitBench's convention; <c>multiply-add</c> reports every cost
/// as MSDNet's reference <c>op_counter.py</c> counts it (its figures are in the committed fixtures, written by the reference
/// code itself), and an architecture that cannot count that way is refused by name.
/// </summary>
[Collection("Console")]
public class CostConventionTests
{
    private static readonly string[] Configs = ["cifar-anytime", "cifar-budget"];

    [Fact]
    public void AnUnknownConventionIsAnErrorAtItsPlaceWithTheNearestName()
    {
        const string text = """
            name: x
            datasets: [fashion-mnist]
            architectures: [branchy-lenet]
            cost_convention: multiply-adds
            """;

        var ex = Assert.Throws<SuiteException>(() => SuiteLoader.Parse(text, "bad.yaml", "/tmp"));

        Assert.Equal("bad.yaml:4:18: 'cost_convention' must be one of eebench, multiply-add, got 'multiply-adds'; did you mean 'multiply-add'?", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void WithoutTheKeyTheSuiteCountsInEarlyExitBenchsConvention()
    {
        var suite = SuiteLoader.Parse("name: x\ndatasets: [fashion-mnist]\narchitectures: [branchy-lenet]\n", "ok.yaml", "/tmp");

        Assert.Equal("eebench", suite.CostConvention);
        Assert.StartsWith("FLOPs per sample; a multiply-add counts 2;", ExitCosts.ConventionOf(suite.CostConvention), StringComparison.Ordinal);
    }

    [Fact]
    public void AnArchitectureThatCannotCountInTheConventionIsRefusedByName()
    {
        var suite = Write(TestPaths.TempDirectory(), "fashion-mnist\n    train_limit: 40", """
              - branchy-lenet
              - alias: msdnet
                options: { preset: small }
            """, "multiply-add");

        var run = InProcess.Run("validate", suite);

        Assert.NotEqual(0, run.Code);
        var output = run.Err + run.Out;
        var line = Array.FindIndex(File.ReadAllLines(suite), l => l.StartsWith("cost_convention:", StringComparison.Ordinal)) + 1;
        Assert.Contains($"architecture 'branchy-lenet' cannot count its costs in 'cost_convention: multiply-add' (line {line}); it counts in: eebench", output, StringComparison.Ordinal);
        Assert.Contains($"architecture 'msdnet' cannot count its costs in 'cost_convention: multiply-add' (line {line}); it counts in: eebench", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AMultiplyAddSuiteReportsOpCounterFiguresPerExitAndAnEeBenchRunOfTheSameCacheDoesNotReuseThem()
    {
        var dir = TestPaths.TempDirectory();
        var data = Cifar100(Path.Combine(dir, "data"));
        var suite = Write(dir, $"cifar100\n    options: {{ path: {data} }}", string.Concat(Configs.Select(ArchitectureEntry)), "multiply-add");
        var (out1, out2, cache) = (Path.Combine(dir, "out1"), Path.Combine(dir, "out2"), Path.Combine(dir, "cache"));

        var run = InProcess.Run("run", suite, "--out", out1, "--cache", cache);

        Assert.True(run.Code == 0, run.Err);
        Assert.Contains("training 1 epochs", run.Err + run.Out, StringComparison.Ordinal);
        var leaderboard = JsonNode.Parse(File.ReadAllText(Path.Combine(out1, "leaderboard.json")))!;
        Assert.Contains("a multiply-add counts 1", (string?)leaderboard["cost_convention"], StringComparison.Ordinal);
        Assert.Contains("op_counter.py", (string?)leaderboard["cost_convention"], StringComparison.Ordinal);
        var groups = leaderboard["groups"]!.AsArray();
        foreach (var (fixture, group) in Configs.Zip(Groups(groups)))
        {
            var ops = MsdNetFixture.Load(fixture).ReferenceOps;
            var exits = group["exits"]!.AsArray();
            Assert.Equal(ops.Select(o => (double)o), exits.Select(e => (double)e!["cost"]!));
            Assert.Equal(ops.Select(o => (double)o / ops[^1]), exits.Select(e => (double)e!["relative_cost"]!));
        }

        // The same trained models, counted in EarlyExitBench's convention: other cells, nothing retrained, the analytic costs.
        File.WriteAllText(suite, File.ReadAllText(suite).Replace("cost_convention: multiply-add", "cost_convention: eebench", StringComparison.Ordinal));
        var again = InProcess.Run("run", suite, "--out", out2, "--cache", cache);

        Assert.True(again.Code == 0, again.Err);
        Assert.DoesNotContain("training 1 epochs", again.Err + again.Out, StringComparison.Ordinal);
        var own = JsonNode.Parse(File.ReadAllText(Path.Combine(out2, "leaderboard.json")))!;
        Assert.Equal(ExitCosts.Convention, (string?)own["cost_convention"]);
        foreach (var (fixture, group) in Configs.Zip(Groups(own["groups"]!.AsArray())))
        {
            var loaded = MsdNetFixture.Load(fixture);
            var stages = new MsdNetArchitecture(loaded.Options()).Describe(loaded.Input);
            var costs = group["exits"]!.AsArray().Select(e => (double)e!["cost"]!).ToArray();
            Assert.Equal(stages.Select((_, k) => (double)stages.Take(k + 1).Sum(s => s.BackboneFlops + s.HeadFlops)), costs);
            Assert.All(costs.Zip(loaded.ReferenceOps), p => Assert.True(p.First > p.Second, "EarlyExitBench's convention counts more than op_counter.py's"));
        }
    }

    [Theory]
    [InlineData("cifar-anytime")]
    [InlineData("cifar-budget")]
    [InlineData("imagenet")]
    [InlineData("imagenet-narrow")]
    public void TheReferencePresetDescribesItsStagesInOpCounterFigures(string name)
    {
        var fixture = MsdNetFixture.Load(name);
        var architecture = (IEarlyExitArchitecture)new MsdNetArchitecture(fixture.Options());

        var stages = architecture.Describe(fixture.Input, Flops.MultiplyAdd)!;

        var cumulative = stages.Select((_, k) => stages.Take(k + 1).Sum(s => s.BackboneFlops + s.HeadFlops)).ToArray();
        Assert.Equal(fixture.ReferenceOps, cumulative);
        Assert.Equal(fixture.ReferenceParameters, stages.Select((_, k) => stages.Take(k + 1).Sum(s => s.BackboneParameters + s.HeadParameters)).ToArray());
        Assert.Null(architecture.Describe(fixture.Input, "another"));
    }

    /// <summary>One group per architecture, in suite order (the first method's).</summary>
    private static IEnumerable<JsonNode> Groups(JsonArray groups)
        => groups.Select(g => g!).GroupBy(g => (string?)g["architecture"]).Select(g => g.First());

    /// <summary>A suite entry of the reference preset with the fixture's arguments, as the reference's args.py names them.</summary>
    private static string ArchitectureEntry(string name)
    {
        var args = MsdNetFixture.Load(name).Args;
        string Factor(string key) => string.Join('-', args[key]!.AsArray().Select(v => v!.GetValue<int>()));
        return $$"""
              - alias: msdnet
                options: { n_blocks: {{args["nBlocks"]}}, step_mode: {{args["stepmode"]}}, step: {{args["step"]}}, base: {{args["base"]}}, n_channels: {{args["nChannels"]}}, growth_rate: {{args["growthRate"]}}, gr_factor: {{Factor("grFactor")}}, bn_factor: {{Factor("bnFactor")}}, bottleneck: {{args["bottleneck"]!.GetValue<bool>().ToString().ToLowerInvariant()}}, prune: {{args["prune"]}}, reduction: {{args["reduction"]}}, data: cifar }

            """;
    }

    /// <summary>A tiny suite: <paramref name="dataset"/> is an alias and its indented keys, <c>cost_convention</c> last.</summary>
    private static string Write(string dir, string dataset, string architectures, string convention)
    {
        var suite = Path.Combine(dir, "suite.yaml");
        File.WriteAllText(suite, $$"""
            name: conventions
            seeds: [0]
            threads: 1
            datasets:
              - alias: {{dataset}}
                validation_size: 20
                test_limit: 20
            training: { epochs: 1, batch_size: 20, learning_rate: 0.01 }
            calibrators: [identity]
            failure_predictors: [msp]
            evaluation: { bootstrap: 0, efficiency_bootstrap: 0 }
            measurement: { enabled: false }
            architectures:
            {{architectures.TrimEnd()}}
            cost_convention: {{convention}}
            """);
        return suite;
    }

    /// <summary>CIFAR-100's binary format (coarse label, fine label, 3072 pixels), 60 training and 20 test records of seeded noise.</summary>
    private static string Cifar100(string folder)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(7);
        foreach (var (file, count) in new[] { ("train.bin", 60), ("test.bin", 20) })
        {
            var bytes = new byte[count * 3074];
            random.NextBytes(bytes);
            for (var i = 0; i < count; i++)
            {
                (bytes[i * 3074], bytes[(i * 3074) + 1]) = ((byte)(i % 20), (byte)(i % 100));
            }

            File.WriteAllBytes(Path.Combine(folder, file), bytes);
        }

        return folder;
    }
}
