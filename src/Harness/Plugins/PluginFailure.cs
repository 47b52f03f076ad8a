namespace EarlyExitBench.Harness.Plugins;

/// <summary>A plugin call that threw or returned unusable values; caught at the boundary.</summary>
public sealed class PluginFailure(string kind, string plugin, string stage, string message, Exception? inner = null)
    : Exception($"{kind} '{plugin}' failed in {stage}: {message}", inner)
{
    /// <summary>Plugin kind.</summary>
    public string Kind { get; } = kind;

    /// <summary>Plugin label.</summary>
    public string Plugin { get; } = plugin;

    /// <summary>What it was doing: fit, apply, score, build, ...</summary>
    public string Stage { get; } = stage;

    /// <summary>The underlying message.</summary>
    public string Detail { get; } = message;
}
