using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Plugins;

/// <summary>One alias registered by one plugin assembly.</summary>
/// <param name="Kind">Plugin kind.</param>
/// <param name="Alias">Alias used in suites (the canonical one).</param>
/// <param name="Description">One-line description.</param>
/// <param name="Assembly">Assembly name and version that registered it.</param>
/// <param name="AssemblyPath">Where it was loaded from (or "built-in").</param>
/// <param name="OptionsType">The typed options class.</param>
/// <param name="Factory">Creates the implementation from bound options.</param>
public sealed record PluginRegistration(
    PluginKind Kind,
    string Alias,
    string Description,
    string Assembly,
    string AssemblyPath,
    Type OptionsType,
    Func<object, PluginContext, object> Factory)
{
    /// <summary>The implementation's version: the registration's own, else its assembly's informational version.</summary>
    public string Version { get; init; } = "?";

    /// <summary>Paper or URL the method comes from; empty when none was given.</summary>
    public string Citation { get; init; } = string.Empty;

    /// <summary>Former aliases that still resolve to this registration, with a deprecation note.</summary>
    public IReadOnlyList<string> DeprecatedAliases { get; init; } = [];

    /// <summary>What the registration said about itself, flags included (<see cref="PluginInfo.KeepsArgmax"/>, …).</summary>
    public PluginInfo Info { get; init; } = new(Alias, Description);
}
