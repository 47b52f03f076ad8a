using System.Reflection;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Plugins;

/// <summary>The <see cref="IPluginRegistrar"/> handed to one plugin assembly; validates as it collects.</summary>
internal sealed class CollectingRegistrar(string assembly, string assemblyPath) : IPluginRegistrar
{
    public List<PluginRegistration> Registrations { get; } = [];

    public void Add<TKind, TOptions>(string alias, string description, Func<TOptions, PluginContext, TKind> factory)
        where TKind : class
        where TOptions : class, new()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        ArgumentNullException.ThrowIfNull(factory);
        var kind = PluginKinds.FromContract(typeof(TKind))
            ?? throw new ArgumentException($"{typeof(TKind).Name} is not a plugin kind; use one of {string.Join(", ", PluginKinds.All.Select(k => PluginKinds.ContractOf(k).Name))}.");
        if (alias != alias.Trim() || alias.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"Alias '{alias}' must not contain whitespace.", nameof(alias));
        }

        Registrations.Add(new PluginRegistration(
            kind,
            alias,
            description ?? string.Empty,
            assembly,
            assemblyPath,
            typeof(TOptions),
            (options, context) => factory((TOptions)options, context)));
    }

    public static string Describe(Assembly assembly)
    {
        var name = assembly.GetName();
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return $"{name.Name} {informational?.Split('+')[0] ?? name.Version?.ToString()}";
    }
}
