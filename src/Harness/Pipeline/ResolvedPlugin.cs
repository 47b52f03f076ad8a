using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Plugins;
using Serilog;

namespace EarlyExitBench.Harness.Pipeline;

/// <summary>A suite's plugin entry with bound options, ready to instantiate per cell.</summary>
/// <param name="Label">Name in the leaderboard: the alias, plus options when given.</param>
/// <param name="Registration">The registry entry.</param>
/// <param name="Options">Bound options object.</param>
public sealed record ResolvedPlugin(string Label, PluginRegistration Registration, object Options)
{
    /// <summary>Creates the implementation for one cell.</summary>
    public T Create<T>(ILogger logger, string cell, int seed)
        where T : class
    {
        var context = new PluginContext(logger.ForContext("Plugin", Label).ForContext("Cell", cell).ForContext("Seed", seed), Registration.Alias, seed);
        return (T)Registration.Factory(Options, context);
    }
}
