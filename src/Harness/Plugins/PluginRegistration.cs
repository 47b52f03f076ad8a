using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Plugins;

/// <summary>One alias registered by one plugin assembly.</summary>
/// <param name="Kind">Plugin kind.</param>
/// <param name="Alias">Alias used in suites.</param>
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
    Func<object, PluginContext, object> Factory);
