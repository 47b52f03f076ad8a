using System.Diagnostics;

namespace EarlyExitBench.Harness.Planning;

/// <summary>Times the phases of one cell; what it records goes to the leaderboard's <c>timing</c> section.</summary>
/// <param name="cell">The cell's name.</param>
/// <param name="logger">Logs each phase's start at debug level (what a watcher of <c>--verbose</c> output keys on).</param>
public sealed class PhaseTimer(string cell, Serilog.ILogger logger)
{
    private readonly List<PhaseTiming> _phases = [];

    /// <summary>Phases timed so far, in order.</summary>
    public IReadOnlyList<PhaseTiming> Phases => _phases;

    /// <summary>Runs <paramref name="action"/> and records how long it took.</summary>
    public T Time<T>(string phase, bool cached, Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        logger.Debug("{Cell}: {Phase} started", cell, phase);
        var watch = Stopwatch.StartNew();
        var result = action();
        _phases.Add(new PhaseTiming(cell, phase, Math.Round(watch.Elapsed.TotalSeconds, 3), cached));
        return result;
    }

    /// <summary>Runs <paramref name="action"/> and records how long it took.</summary>
    public void Time(string phase, bool cached, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Time(phase, cached, () =>
        {
            action();
            return 0;
        });
    }
}
