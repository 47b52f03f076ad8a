using System.Diagnostics;
using EarlyExitBench.Harness.Cells;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Storage;
using Serilog;

namespace EarlyExitBench.Harness.Pipeline;

/// <summary>
/// Builds one leaderboard from the cell results of several folders (shards, machines, earlier runs) of the same plan,
/// and copies those cells into the output folder so it is a complete, resumable result folder itself.
/// </summary>
public static class MergeRunner
{
    /// <summary>The failure stage of a cell that no merged folder has.</summary>
    public const string MissingStage = "missing";

    /// <summary>Merges <paramref name="directories"/> into <paramref name="output"/>; missing cells become failures of kind <c>cell</c>.</summary>
    public static LeaderboardDocument Merge(IReadOnlyList<string> directories, string output, string commandLine, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(logger);
        var watch = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow;
        if (directories.Count == 0)
        {
            throw new InvalidDataException("merge needs at least one result folder");
        }

        var manifest = PlanFile.Read(directories[0]);
        foreach (var other in directories.Skip(1))
        {
            var id = PlanFile.Read(other).Id;
            if (id != manifest.Id)
            {
                throw new InvalidDataException($"{PlanFile.PathOf(directories[0])} and {PlanFile.PathOf(other)} are different plans ({manifest.Id} vs {id}); merge folders of the same suite and build");
            }
        }

        var gathered = CellGathering.From(manifest, directories);
        using var runLock = RunLock.Acquire(output, logger);
        PlanFile.Write(output, manifest);
        var store = new CellStore(output);
        foreach (var cell in gathered.Found)
        {
            Copy(cell.Path, store.ResultPath(cell.Result.Key));
            Copy(Path.ChangeExtension(cell.Path, ".npz"), store.BundlePath(cell.Result.Key));
        }

        var missing = gathered.Missing
            .Select(c => new Plugins.FailureRecord(c.Name, c.Seed, "cell", c.Name, MissingStage, $"no result in {string.Join(", ", directories)}"))
            .ToList();
        foreach (var failure in missing)
        {
            logger.Warning("{Cell}: missing from every folder merged; rerun its shard", failure.Cell);
        }

        var document = LeaderboardBuilder.Build(manifest, gathered.Found, missing, EnvironmentCapture.Current("n/a (merge)", 0, started, commandLine), watch.Elapsed.TotalSeconds);
        LeaderboardWriter.Write(Path.Combine(output, "leaderboard.json"), document);
        logger.Information("Merged {Found} of {Total} cells from {Folders} folder(s) into {Output}", gathered.Found.Count, manifest.Cells.Count, directories.Count, output);
        return document;
    }

    private static void Copy(string from, string to)
    {
        if (File.Exists(from) && !string.Equals(Path.GetFullPath(from), Path.GetFullPath(to), StringComparison.Ordinal))
        {
            AtomicFile.Write(to, temp => File.Copy(from, temp, overwrite: true));
        }
    }
}
