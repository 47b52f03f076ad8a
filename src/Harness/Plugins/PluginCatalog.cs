namespace EarlyExitBench.Harness.Plugins;

/// <summary>Everything discovery found: one frozen registry per kind, plus what failed to load.</summary>
public sealed class PluginCatalog
{
    private readonly Dictionary<PluginKind, PluginRegistry> _registries;

    internal PluginCatalog(IEnumerable<PluginRegistration> registrations, IReadOnlyList<PluginLoadFailure> failures, IReadOnlyList<PluginConflict> conflicts)
    {
        var all = registrations.ToList();
        _registries = PluginKinds.All.ToDictionary(k => k, k => new PluginRegistry(k, all.Where(r => r.Kind == k)));
        Failures = failures;
        Conflicts = conflicts;
    }

    /// <summary>Assemblies that failed to load; they do not stop the others.</summary>
    public IReadOnlyList<PluginLoadFailure> Failures { get; }

    /// <summary>Duplicate aliases; each makes the catalog unusable for a run.</summary>
    public IReadOnlyList<PluginConflict> Conflicts { get; }

    /// <summary>The conflicts' messages, each naming every assembly involved.</summary>
    public IReadOnlyList<string> Errors => Conflicts.Select(c => c.Message).ToList();

    /// <summary>The registry of a kind.</summary>
    public PluginRegistry this[PluginKind kind] => _registries[kind];
}
