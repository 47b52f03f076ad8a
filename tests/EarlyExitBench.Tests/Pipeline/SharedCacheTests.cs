using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Pipeline;

/// <summary>Two runs started at once on one cache: one trains each model while the other waits for it, and both finish alike.</summary>
public class SharedCacheTests
{
    [Fact]
    public async Task TwoRunsSharingACacheTrainEachModelOnceAndAgree()
    {
        var dir = TestPaths.TempDirectory();
        var data = SyntheticIdx.Write(Path.Combine(dir, "data"), train: 600, test: 150);
        var suite = Path.Combine(dir, "shared.yaml");
        File.WriteAllText(suite, $$$"""
            name: shared
            seeds: [8]
            threads: 1
            datasets:
              - alias: fashion-mnist
                options: { path: {{{data}}} }
                validation_size: 100
                train_limit: 500
            architectures: [{alias: branchy-lenet, options: {channels: [4, 8], head_grid: 2}}]
            training: { epochs: 4, batch_size: 32, learning_rate: 0.01 }
            calibrators: [identity, temperature]
            failure_predictors: [msp]
            evaluation: { bootstrap: 20 }
            """);
        var cache = Path.Combine(dir, "cache");

        var runs = new[] { "a", "b" }
            .Select(name => Task.Run(() => Eebench.Run(["run", suite, "--out", Path.Combine(dir, name), "--cache", cache])))
            .ToArray();
        var results = await Task.WhenAll(runs);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Errors));
        Assert.Equal(1, results.Count(r => r.Errors.Contains("training 4 epochs", StringComparison.Ordinal)));
        Assert.Equal(1, results.Count(r => r.Errors.Contains("logits bundle cached", StringComparison.Ordinal)));
        Assert.Equal(Eebench.Deterministic(Path.Combine(dir, "a", "leaderboard.json")), Eebench.Deterministic(Path.Combine(dir, "b", "leaderboard.json")));
        Assert.Empty(Directory.GetFiles(cache, "*.tmp", SearchOption.AllDirectories));
    }
}
