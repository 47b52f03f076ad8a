using System.Reflection;
using EarlyExitBench.Contracts;
using McMaster.NETCore.Plugins;
using Serilog;

namespace EarlyExitBench.Harness.Plugins;

/// <summary>
/// Discovers plugin assemblies, loads each in its own context sharing Contracts, TorchSharp and
/// Serilog with the host, and builds the frozen <see cref="PluginCatalog"/>.
/// </summary>
public static class PluginHost
{
    // One TorchSharp per process: plugins must bind to the host's copies of these (DotNetCorePlugins #42, #159).
    private static readonly Type[] SharedTypes =
    [
        typeof(IEarlyExitPlugin),
        typeof(TorchSharp.torch),
        typeof(ILogger),
    ];

    private static readonly HashSet<string> HostAssemblies = new(StringComparer.OrdinalIgnoreCase)
    {
        "eebench", "EarlyExitBench.Contracts", "TorchSharp", "Serilog", "testhost", "EarlyExitBench.Tests", "EarlyExitBench.Benchmarks",
    };

    /// <summary>The <see cref="PluginRegistration.AssemblyPath"/> of the host's own registrations (the built-in datasets).</summary>
    public const string BuiltInPath = "built-in";

    private static readonly object Gate = new();
    private static readonly Dictionary<string, PluginLoader> Loaders = new(StringComparer.Ordinal);

    /// <summary>The default plugin folders: <c>EEBENCH_PLUGIN_PATH</c> entries, then <c>artifacts/plugins</c> of the checkout the host runs from.</summary>
    public static IReadOnlyList<string> DefaultDirectories()
    {
        var result = new List<string>();
        var env = Environment.GetEnvironmentVariable("EEBENCH_PLUGIN_PATH");
        if (!string.IsNullOrWhiteSpace(env))
        {
            result.AddRange(env.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "artifacts", "plugins");
                if (Directory.Exists(candidate))
                {
                    result.Add(candidate);
                    break;
                }
            }
        }

        return result.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>How many folders below a plugin folder <see cref="FindAssemblies"/> looks.</summary>
    public const int SearchDepth = 3;

    /// <summary>Plugin assemblies under <paramref name="directory"/>: every <c>X.dll</c> beside an <c>X.deps.json</c>, at most <see cref="SearchDepth"/> folders down.</summary>
    public static IEnumerable<string> FindAssemblies(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory, "*.deps.json", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = SearchDepth })
            .Select(deps => deps[..^".deps.json".Length] + ".dll")
            .Where(File.Exists)
            .Where(dll => !HostAssemblies.Contains(Path.GetFileNameWithoutExtension(dll)))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Loads every plugin under <paramref name="directories"/>, plus the host's built-in registrations.</summary>
    public static PluginCatalog Load(IEnumerable<string> directories, ILogger logger, Action<IPluginRegistrar>? builtIns = null)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(logger);
        var registrations = new List<PluginRegistration>();
        var failures = new List<PluginLoadFailure>();

        if (builtIns is not null)
        {
            var registrar = new CollectingRegistrar(CollectingRegistrar.Describe(typeof(PluginHost).Assembly) + " (built-in)", BuiltInPath);
            builtIns(registrar);
            registrations.AddRange(registrar.Registrations);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var assemblies = new List<PluginAssembly>();
        var repository = PluginAssembly.RepositoryRoot();
        foreach (var path in directories.SelectMany(FindAssemblies).Select(Path.GetFullPath))
        {
            if (seen.Add(path))
            {
                // Hashed before loading: loading runs the plugin's code, and the record must say which code ran.
                var assembly = PluginAssembly.Describe(path, repository);
                assemblies.Add(assembly);
                if (assembly.External)
                {
                    logger.Information("Plugin assembly from outside the repository: {Path:l} ({Name:l} {Version:l}) sha256 {Sha256:l}", assembly.Path, assembly.Name, assembly.Version, assembly.Sha256);
                }

                LoadOne(path, registrations, failures, logger);
            }
        }

        var conflicts = registrations
            .SelectMany(r => r.DeprecatedAliases.Select(old => (Name: old, Registration: r)).Prepend((Name: r.Alias, Registration: r)))
            .GroupBy(n => (n.Registration.Kind, Alias: n.Name), n => n.Registration)
            .Where(g => g.Count() > 1)
            .Select(g => new PluginConflict(g.Key.Kind, g.Key.Alias, g.Select(r => r.AssemblyPath).ToList(), $"duplicate {PluginKinds.Describe(g.Key.Kind)} alias '{g.Key.Alias}' registered by "
                + string.Join(" and ", g.Select(r => $"{r.Assembly} ({r.AssemblyPath})"))))
            .ToList();
        foreach (var conflict in conflicts)
        {
            logger.Error("Plugin conflict: {Error}", conflict.Message);
        }

        return new PluginCatalog(registrations, failures, conflicts, assemblies);
    }

    private static void LoadOne(string path, List<PluginRegistration> registrations, List<PluginLoadFailure> failures, ILogger logger)
    {
        // Read from metadata, before the plugin's code runs: a plugin built against another major may bind, then break mid-run.
        if (ContractsCompatibility.Refusal(path, ContractsCompatibility.ReferencedBy(path)) is { } refused)
        {
            failures.Add(refused);
            logger.Warning("Plugin {Path} refused: {Reason}", path, refused.Reason);
            return;
        }

        Assembly assembly;
        try
        {
            assembly = LoaderFor(path).LoadDefaultAssembly();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failures.Add(new PluginLoadFailure(path, ex.Message, "Rebuild the plugin against this EarlyExitBench.Contracts and check its .deps.json lists every dependency."));
            logger.Warning("Plugin {Path} failed to load: {Reason}", path, ex.Message);
            return;
        }

        var described = CollectingRegistrar.Describe(assembly);
        IReadOnlyList<Type> entryTypes;
        try
        {
            entryTypes = assembly.GetTypes()
                .Where(t => typeof(IEarlyExitPlugin).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToList();
        }
        catch (ReflectionTypeLoadException ex)
        {
            var first = ex.LoaderExceptions.FirstOrDefault(e => e is not null)?.Message ?? ex.Message;
            failures.Add(new PluginLoadFailure(path, $"types could not be loaded: {first}", "A dependency is missing or was built for another version; rebuild the plugin and ship its dependencies beside it."));
            logger.Warning("Plugin {Path} failed to load: {Reason}", path, first);
            return;
        }

        if (entryTypes.Count == 0)
        {
            var contracts = assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == "EarlyExitBench.Contracts");
            var hostContracts = typeof(IEarlyExitPlugin).Assembly.GetName().Version;
            var reason = contracts is null
                ? "it does not reference EarlyExitBench.Contracts"
                : $"no public IEarlyExitPlugin with a parameterless constructor (built against Contracts {contracts.Version}, host has {hostContracts})";
            failures.Add(new PluginLoadFailure(path, reason, "Implement EarlyExitBench.Contracts.IEarlyExitPlugin in a public class and build against the host's Contracts (ExcludeAssets=runtime)."));
            logger.Warning("Plugin {Path}: {Reason}", path, reason);
            return;
        }

        foreach (var type in entryTypes)
        {
            var registrar = new CollectingRegistrar(described, path);
            try
            {
                ((IEarlyExitPlugin)Activator.CreateInstance(type)!).Register(registrar);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var inner = ex is TargetInvocationException { InnerException: { } i } ? i : ex;
                failures.Add(new PluginLoadFailure(path, $"{type.FullName}.Register threw {inner.GetType().Name}: {inner.Message}", "Fix the plugin's Register method; the host skipped all of its registrations."));
                logger.Warning("Plugin {Type} in {Path} failed to register: {Reason}", type.FullName, path, inner.Message);
                continue;
            }

            registrations.AddRange(registrar.Registrations);
            logger.Debug("Loaded {Count} registrations from {Type} ({Assembly})", registrar.Registrations.Count, type.FullName, described);
        }
    }

    // Plugins are never unloaded (TorchSharp natives cannot be), so one loader per path for the process.
    private static PluginLoader LoaderFor(string path)
    {
        lock (Gate)
        {
            if (!Loaders.TryGetValue(path, out var loader))
            {
                loader = PluginLoader.CreateFromAssemblyFile(path, SharedTypes, config => config.PreferSharedTypes = true);
                Loaders[path] = loader;
            }

            return loader;
        }
    }
}
