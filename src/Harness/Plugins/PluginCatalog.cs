namespace EarlyExitBench.Harness.Plugins;

/// <summary>Everything discovery found: one frozen registry per kind, plus what failed to load.</summary>
public sealed class PluginCatalog
{
    private readonly Dictionary<PluginKind, PluginRegistry> _registries;

    internal PluginCatalog(IEnumerable<PluginRegistration> registrations, IReadOnlyList<PluginLoadFailure> failures, IReadOnlyList<PluginConflict> conflicts, IReadOnlyList<PluginAssembly> assemblies)
    {
        var all = registrations.ToList();
        _registries = PluginKinds.All.ToDictionary(k => k, k => new PluginRegistry(k, all.Where(r => r.Kind == k)));
        Failures = failures;
        Conflicts = conflicts;
        Assemblies = assemblies;
    }

    /// <summary>
    /// Every plugin assembly the host found and loaded (or tried to: loading runs its code), in load order, with its
    /// SHA-256; <see cref="PluginAssembly.External"/> marks those from outside the repository, for the leaderboard.
    /// </summary>
    public IReadOnlyList<PluginAssembly> Assemblies { get; }

    /// <summary>Assemblies that failed to load; they do not stop the others.</summary>
    public IReadOnlyList<PluginLoadFailure> Failures { get; }

    /// <summary>Duplicate aliases; each makes the catalog unusable for a run.</summary>
    public IReadOnlyList<PluginConflict> Conflicts { get; }

    /// <summary>The conflicts' messages, each naming every assembly involved.</summary>
    public IReadOnlyList<string> Errors => Conflicts.Select(c => c.Message).ToList();

    /// <summary>The registry of a kind.</summary>
    public PluginRegistry this[PluginKind kind] => _registries[kind];
}
