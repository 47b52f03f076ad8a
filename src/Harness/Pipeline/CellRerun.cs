using EarlyExitBench.Harness.Cells;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Training;
using Serilog;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Pipeline;

/// <summary>
/// One cell of a plan computed from scratch into a folder of its own (<c>plan.json</c> and <c>cells/KEY.json</c>): the
/// worker of <c>eebench verify</c>, which runs it inside the sandbox. Nothing is read from any cache.
/// </summary>
public static class CellRerun
{
    /// <summary>Runs the cell <paramref name="key"/> of <paramref name="plan"/> into <paramref name="output"/>, caching only in <paramref name="cache"/>; returns its stored result.</summary>
    /// <exception cref="InvalidDataException">The plan has no such cell.</exception>
    public static StoredCell Run(Plan plan, string key, string output, string cache, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(logger);
        var cell = plan.Cells.FirstOrDefault(c => c.Key == key)
            ?? throw new InvalidDataException($"this suite, with these plugins and data, does not make cell {key} here (its cells are {string.Join(", ", plan.Cells.Select(c => c.Key))})");
        if (plan.Measurement.Enabled || cell.BundleFile is null)
        {
            TorchRuntime.Resolve(plan.Device);
            if (plan.Threads is { } threads)
            {
                set_num_threads(threads);
            }
        }

        PlanFile.Write(output, plan.Manifest);
        var store = new CellStore(output);
        var cellLogger = logger.ForContext("Cell", cell.Name);
        new CellPipeline(new BundleStage(new ModelCache(cache), useCache: false, new SilentProgress()), store)
            .Run(new CellContext(plan, cell, cellLogger, new PhaseTimer(cell.Name, cellLogger), cancellationToken));
        return CellStore.Read(store.ResultPath(key), key);
    }

    private sealed class SilentProgress : IProgressSink
    {
        public T Track<T>(string title, Func<Action<TrainingProgress>, T> work) => work(_ => { });
    }
}
