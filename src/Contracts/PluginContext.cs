using Serilog;

namespace EarlyExitBench.Contracts;

/// <summary>What the host hands to every plugin factory.</summary>
/// <param name="Logger">Logger already tagged with the plugin alias and suite cell; use it instead of <c>Log.Logger</c>.</param>
/// <param name="Alias">The alias the implementation was created under.</param>
/// <param name="Seed">Seed of the suite cell, for anything random the plugin does.</param>
public sealed record PluginContext(ILogger Logger, string Alias, int Seed);
