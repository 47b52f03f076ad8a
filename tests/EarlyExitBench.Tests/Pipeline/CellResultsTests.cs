using System.Text.Json.Nodes;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Pipeline;

/// <summary>Cell results on disk: shards merge to the unsharded leaderboard, conflicts and gaps are reported, corruption heals.</summary>
[Collection("Console")]
public class CellResultsTests
{
    private static (string Dir, string Suite) Setup()
    {
        var dir = TestPaths.TempDirectory();
        var data = SyntheticIdx.Write(Path.Combine(dir, "data"), train: 500, test: 150);
        var suite = Path.Combine(dir, "cells.yaml");
        File.WriteAllText(suite, $$$"""
            name: cells
            seeds: [3, 4, 5]
            threads: 1
            datasets:
              - alias: fashion-mnist
                options: { path: {{{data}}} }
                validation_size: 100
                train_limit: 300
            architectures: [{alias: branchy-lenet, options: {channels: [4, 8], head_grid: 2}}]
            training: { epochs: 1, batch_size: 32, learning_rate: 0.01 }
            calibrators: [identity, temperature]
            failure_predictors: [msp, margin]
            evaluation: { bootstrap: 20 }
            """);
        return (dir, suite);
    }

    private static string[] RunArgs(string suite, string dir, string output, params string[] more) =>
        ["run", suite, "--out", Path.Combine(dir, output), "--cache", Path.Combine(dir, "cache"), .. more];

    [Fact]
    public void ShardsMergeToTheUnshardedLeaderboardAndGapsAndConflictsAreReported()
    {
        var (dir, suite) = Setup();
        Assert.Equal(0, InProcess.Run(RunArgs(suite, dir, "single")).Code);
        foreach (var shard in new[] { "1/2", "2/2" })
        {
            var run = InProcess.Run(RunArgs(suite, dir, "shard-" + shard[0], "--shard", shard));
            Assert.True(run.Code == 0, run.Err);
        }

        Assert.Equal(3, Directory.GetFiles(Path.Combine(dir, "shard-1", "cells"), "*.json").Length + Directory.GetFiles(Path.Combine(dir, "shard-2", "cells"), "*.json").Length);
        var merged = InProcess.Run("merge", Path.Combine(dir, "shard-1"), Path.Combine(dir, "shard-2"), "--out", Path.Combine(dir, "merged"));
        Assert.True(merged.Code == 0, merged.Err);
        Assert.Equal(Eebench.Deterministic(Path.Combine(dir, "single", "leaderboard.json")), Eebench.Deterministic(Path.Combine(dir, "merged", "leaderboard.json")));

        // One shard alone: the other shard's cells are reported missing, exit 1, and the leaderboard says so.
        var partial = InProcess.Run("merge", Path.Combine(dir, "shard-1"), "--out", Path.Combine(dir, "partial"));
        Assert.Equal(1, partial.Code);
        var missing = PlanFile.Read(Path.Combine(dir, "single")).Cells.Where(c => !File.Exists(Path.Combine(dir, "shard-1", "cells", c.Key + ".json"))).ToList();
        Assert.NotEmpty(missing);
        Assert.All(missing, c => Assert.Contains($"missing cell {c.Name}", partial.Err, StringComparison.Ordinal));
        var failures = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "partial", "leaderboard.json")))!["failures"]!.AsArray();
        Assert.Equal(missing.Count, failures.Count(f => (string?)f!["stage"] == "missing" && (string?)f["kind"] == "cell"));

        // The same key with different content in two folders is an error naming both files.
        var key = Path.GetFileName(Directory.GetFiles(Path.Combine(dir, "shard-1", "cells"), "*.json")[0]);
        var forged = Path.Combine(dir, "forged");
        Directory.CreateDirectory(Path.Combine(forged, "cells"));
        File.Copy(Path.Combine(dir, "single", "plan.json"), Path.Combine(forged, "plan.json"));
        File.WriteAllText(Path.Combine(forged, "cells", key), Resealed(File.ReadAllText(Path.Combine(dir, "shard-1", "cells", key))));
        var conflict = InProcess.Run("merge", Path.Combine(dir, "shard-1"), forged, "--out", Path.Combine(dir, "conflict"));
        Assert.Equal(2, conflict.Code);
        Assert.Contains(Path.Combine(dir, "shard-1", "cells", key), conflict.Err, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(forged, "cells", key), conflict.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptResultsAndCacheEntriesAreLoggedRemovedAndRecomputed()
    {
        var (dir, suite) = Setup();
        Assert.Equal(0, InProcess.Run(RunArgs(suite, dir, "out")).Code);
        var reference = Eebench.Deterministic(Path.Combine(dir, "out", "leaderboard.json"));
        var cells = Directory.GetFiles(Path.Combine(dir, "out", "cells"), "*.json").Order().ToList();
        var bundles = Directory.GetFiles(Path.Combine(dir, "cache", "bundles"), "*.npz").Order().ToList();

        // A truncated cached bundle (as after a full disk), with the cells deleted so the bundle is needed again.
        Truncate(bundles[0]);
        foreach (var cell in cells)
        {
            File.Delete(cell);
        }

        var rerun = InProcess.Run(RunArgs(suite, dir, "out"));

        Assert.True(rerun.Code == 0, rerun.Err);
        Assert.Contains($"cache entry {bundles[0]} is unusable: checksum mismatch", rerun.Err, StringComparison.Ordinal);
        Assert.Equal(reference, Eebench.Deterministic(Path.Combine(dir, "out", "leaderboard.json")));

        // A truncated cell result and an edited one: both are removed and recomputed from the cache.
        cells = Directory.GetFiles(Path.Combine(dir, "out", "cells"), "*.json").Order().ToList();
        Truncate(cells[0]);
        File.WriteAllText(cells[1], File.ReadAllText(cells[1]).Replace("\"accuracy\": 0.", "\"accuracy\": 0.0", StringComparison.Ordinal));
        var healed = InProcess.Run(RunArgs(suite, dir, "out"));

        Assert.True(healed.Code == 0, healed.Err);
        Assert.Contains($"{cells[0]} is unusable", healed.Err, StringComparison.Ordinal);
        Assert.Contains($"{cells[1]} is unusable ({cells[1]}: content does not match its sha256", healed.Err, StringComparison.Ordinal);
        Assert.Contains("removing it and recomputing the cell", healed.Err, StringComparison.Ordinal);
        Assert.Contains("finished earlier", healed.Err, StringComparison.Ordinal);
        Assert.Equal(reference, Eebench.Deterministic(Path.Combine(dir, "out", "leaderboard.json")));
    }

    [Fact]
    public void PlanListsEveryCellWithItsKeyStateAndShard()
    {
        var (dir, suite) = Setup();
        var before = InProcess.Run("plan", suite, "--out", Path.Combine(dir, "out"), "--cache", Path.Combine(dir, "cache"), "--shards", "2", "--json");
        Assert.True(before.Code == 0, before.Err);
        var cells = JsonNode.Parse(before.Out)!["cells"]!.AsArray();
        Assert.Equal(3, cells.Count);
        Assert.All(cells, c => Assert.Equal("to do", (string?)c!["state"]));
        Assert.Equal([3, 4, 5], cells.Select(c => (int)c!["seed"]!));
        Assert.Equal(3, cells.Select(c => (string?)c!["key"]).Distinct().Count());
        Assert.All(cells, c => Assert.InRange((int)c!["shard"]!, 1, 2));

        Assert.Equal(0, InProcess.Run(RunArgs(suite, dir, "out", "--shard", "1/2")).Code);
        var after = InProcess.Run("plan", suite, "--out", Path.Combine(dir, "out"), "--cache", Path.Combine(dir, "cache"), "--shards", "2");
        Assert.True(after.Code == 0, after.Err);
        var shardOne = cells.Count(c => (int)c!["shard"]! == 1);
        Assert.Contains($"3 cell(s), {shardOne} done", after.Out, StringComparison.Ordinal);
        Assert.Contains("to do", after.Out, StringComparison.Ordinal);
    }

    /// <summary>The cell file with one number changed and its hash recomputed: intact, but different content.</summary>
    private static string Resealed(string text)
    {
        var json = JsonNode.Parse(text)!.AsObject();
        var result = json["result"]!.ToJsonString(EarlyExitBench.Harness.Storage.Json.Options).Replace("\"accuracy\": 0.", "\"accuracy\": 0.0", StringComparison.Ordinal);
        var timing = json["timing"]!.ToJsonString(EarlyExitBench.Harness.Storage.Json.Options);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(result + "\n" + timing)));
        return $"{{\n  \"format\": 1,\n  \"sha256\": \"{hash}\",\n  \"result\": {result},\n  \"timing\": {timing}\n}}\n";
    }

    private static void Truncate(string path)
    {
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
    }
}
