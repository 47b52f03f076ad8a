namespace EarlyExitBench.Harness.Plugins;

/// <summary>An alias of one kind registered by more than one assembly.</summary>
/// <param name="Kind">Plugin kind.</param>
/// <param name="Alias">The alias.</param>
/// <param name="AssemblyPaths">Every assembly that registers it, in load order.</param>
/// <param name="Message">The error, naming every assembly.</param>
public sealed record PluginConflict(PluginKind Kind, string Alias, IReadOnlyList<string> AssemblyPaths, string Message);
