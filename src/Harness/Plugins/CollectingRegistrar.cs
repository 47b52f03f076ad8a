using System.Reflection;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Plugins;

/// <summary>The <see cref="IPluginRegistrar"/> handed to one plugin assembly; validates as it collects.</summary>
internal sealed class CollectingRegistrar(string assembly, string assemblyPath) : IPluginRegistrar
{
    public List<PluginRegistration> Registrations { get; } = [];

    public void Add<TKind, TOptions>(PluginInfo info, Func<TOptions, PluginContext, TKind> factory)
        where TKind : class
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(factory);
        var kind = PluginKinds.FromContract(typeof(TKind))
            ?? throw new ArgumentException($"{typeof(TKind).Name} is not a plugin kind; use one of {string.Join(", ", PluginKinds.All.Select(k => PluginKinds.ContractOf(k).Name))}.");
        AliasStyle.Check(kind, info.Alias, nameof(info));
        var deprecated = info.DeprecatedAliases ?? [];
        foreach (var old in deprecated)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(old, nameof(info));
            if (old.Any(char.IsWhiteSpace) || old == info.Alias)
            {
                throw new ArgumentException($"Deprecated alias '{old}' of '{info.Alias}' must differ from it and contain no whitespace.", nameof(info));
            }
        }

        Registrations.Add(new PluginRegistration(
            kind,
            info.Alias,
            info.Description ?? string.Empty,
            assembly,
            assemblyPath,
            typeof(TOptions),
            (options, context) => factory((TOptions)options, context))
        {
            Version = string.IsNullOrWhiteSpace(info.Version) ? VersionOf(assembly) : info.Version,
            Citation = info.Citation ?? string.Empty,
            DeprecatedAliases = [.. deprecated],
            Info = info,
        });
    }

    public static string Describe(Assembly assembly)
    {
        var name = assembly.GetName();
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return $"{name.Name} {informational?.Split('+')[0] ?? name.Version?.ToString()}";
    }

    // Describe's "Name Version" (a built-in's reads "Name Version (built-in)").
    private static string VersionOf(string described) => described.Split(' ', 3) is { Length: > 1 } parts ? parts[1] : "?";
}
