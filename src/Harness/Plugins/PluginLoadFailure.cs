namespace EarlyExitBench.Harness.Plugins;

/// <summary>A plugin assembly that could not be loaded or registered, with how to fix it.</summary>
/// <param name="AssemblyPath">The assembly.</param>
/// <param name="Reason">What went wrong.</param>
/// <param name="Fix">What to do about it.</param>
public sealed record PluginLoadFailure(string AssemblyPath, string Reason, string Fix);
