using System.Reflection;
using System.Text.Json.Nodes;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Pipeline;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Plugins;

/// <summary>
/// The registry that plugin contract tests enumerate: every plugin assembly under <c>artifacts/plugins</c> (what the host
/// loads), registered through the harness's registry code. A new plugin, or a new alias in one, is tested without a test
/// edit. <see cref="InProcess"/> registers the test project's own copies of those assemblies, so instances are the types
/// the tests name and mutation testing sees the tests; <see cref="Loaded"/> is the host's own loading, in plugin contexts.
/// </summary>
internal static class ShippedRegistry
{
    private static readonly Lazy<PluginCatalog> InProcessCatalog = new(() => PluginHost.Load([], Loggers.Silent, registrar =>
    {
        HostPlugins.Register(registrar);
        foreach (var type in Assemblies().SelectMany(a => a.GetTypes()).Where(IsPlugin).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            ((IEarlyExitPlugin)Activator.CreateInstance(type)!).Register(registrar);
        }
    }));

    private static readonly Lazy<PluginCatalog> LoadedCatalog = new(() => PluginHost.Load([TestPaths.Plugins], Loggers.Silent, HostPlugins.Register));

    /// <summary>The shipped plugins (and the host's built-ins) registered in this process.</summary>
    public static PluginCatalog InProcess => InProcessCatalog.Value;

    /// <summary>The shipped plugins as <c>eebench</c> loads them, each assembly in its own context, plus the host's built-ins.</summary>
    public static PluginCatalog Loaded => LoadedCatalog.Value;

    /// <summary>The aliases of <paramref name="kind"/> whose registration satisfies <paramref name="where"/>, in registration order.</summary>
    public static IReadOnlyList<string> Aliases(PluginKind kind, Func<PluginInfo, bool>? where = null) =>
        [.. InProcess[kind].InRegistrationOrder.Where(r => where?.Invoke(r.Info) ?? true).Select(r => r.Alias)];

    /// <summary>The registration of <paramref name="alias"/>.</summary>
    public static PluginRegistration Get(PluginKind kind, string alias) =>
        InProcess[kind].TryGet(alias, out var registration) ? registration : throw new ArgumentException(InProcess[kind].UnknownAliasMessage(alias), nameof(alias));

    /// <summary>A new instance of <paramref name="alias"/>, with default options or <paramref name="options"/> bound as a suite binds them.</summary>
    public static T Create<T>(PluginKind kind, string alias, JsonObject? options = null)
        where T : class
    {
        var registration = Get(kind, alias);
        var bound = OptionsBinder.Bind(registration.OptionsType, options ?? []);
        return (T)registration.Factory(bound, new PluginContext(Loggers.Silent, alias, 1));
    }

    /// <summary>The assemblies under <c>artifacts/plugins</c>, loaded by name into the test's own context.</summary>
    private static IEnumerable<Assembly> Assemblies() =>
        PluginHost.FindAssemblies(TestPaths.Plugins).Select(path => Assembly.Load(new AssemblyName(Path.GetFileNameWithoutExtension(path))));

    private static bool IsPlugin(Type type) =>
        typeof(IEarlyExitPlugin).IsAssignableFrom(type) && type is { IsAbstract: false, IsInterface: false } && type.GetConstructor(Type.EmptyTypes) is not null;
}
