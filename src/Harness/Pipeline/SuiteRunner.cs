using System.Diagnostics;
using EarlyExitBench.Harness.Cells;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Training;
using Serilog;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Pipeline;

/// <summary>
/// Runs a plan's cells (or one shard of them) into an output folder: <c>plan.json</c>, one <c>cells/KEY.json</c> per
/// finished cell, and <c>leaderboard.json</c> rebuilt from what is on disk after every cell. Finished cells are skipped,
/// so a rerun after a crash redoes only the unfinished cell, and training resumes from its last epoch.
/// </summary>
public sealed class SuiteRunner(Plan plan, RunOptions options, ILogger logger, IProgressSink progress)
{
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private bool _usesTorch = true;

    /// <summary>Folder the plan, cells, leaderboard and logs go to.</summary>
    public string OutputDirectory => options.OutputDirectory;

    /// <summary>Runs the cells of the shard; returns the leaderboard of every finished cell of the plan in the folder.</summary>
    public LeaderboardDocument Run(CancellationToken cancellationToken)
    {
        using var runLock = RunLock.Acquire(OutputDirectory, logger);
        // Given bundles evaluated without measurement never run a model: libtorch (hundreds of MB) is not even loaded,
        // and nothing here may touch the torch class, whose static constructor would load it.
        _usesTorch = plan.Measurement.Enabled || plan.Cells.Any(c => c.BundleFile is null);
        var device = _usesTorch ? TorchRuntime.Resolve(plan.Device) : new Device(TorchSharp.DeviceType.CPU, -1);
        if (_usesTorch && plan.Threads is { } threads)
        {
            set_num_threads(threads);
        }

        PlanFile.Write(OutputDirectory, plan.Manifest);
        var store = new CellStore(OutputDirectory);
        var cells = new CellPipeline(new BundleStage(new ModelCache(options.CacheRoot), options.UseCache, progress, options.Prefetch), store, options.FullSweeps);
        var mine = options.Shard.Select(plan.Cells);
        logger.Information("Plan {Plan}: {Cells} cell(s); shard {Shard} runs {Mine}", plan.Manifest.Id, plan.Cells.Count, options.Shard, mine.Count);
        foreach (var cell in mine)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (options.UseCache && store.TryRead(cell.Key, logger) is not null)
            {
                logger.Information("{Cell}: finished earlier ({Path}); skipping", cell.Name, store.ResultPath(cell.Key));
                continue;
            }

            var cellLogger = logger.ForContext("Cell", cell.Name);
            cells.Run(new CellContext(plan, cell, cellLogger, new PhaseTimer(cell.Name, cellLogger), cancellationToken));
            WriteLeaderboard(device);
        }

        return WriteLeaderboard(device);
    }

    /// <summary>The leaderboard of the folder as it stands, always rebuilt from the files, so every run order gives the same bytes.</summary>
    private LeaderboardDocument WriteLeaderboard(Device device)
    {
        logger.Debug("Writing the leaderboard of {Directory}", OutputDirectory);
        var manifest = PlanFile.Read(OutputDirectory);
        var store = new CellStore(OutputDirectory);
        var finished = manifest.Cells.Select(c => store.TryRead(c.Key, logger)).OfType<StoredCell>().ToList();
        var document = LeaderboardBuilder.Build(
            manifest, finished, [], EnvironmentCapture.Current(device.ToString(), _usesTorch ? get_num_threads() : 0, _started, options.CommandLine), _total.Elapsed.TotalSeconds);
        LeaderboardWriter.Write(Path.Combine(OutputDirectory, "leaderboard.json"), document);
        return document;
    }
}
