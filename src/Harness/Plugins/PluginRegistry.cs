namespace EarlyExitBench.Harness.Plugins;

/// <summary>The frozen registry of one plugin kind, keyed by alias.</summary>
public sealed class PluginRegistry
{
    private readonly SortedDictionary<string, PluginRegistration> _entries;

    internal PluginRegistry(PluginKind kind, IEnumerable<PluginRegistration> entries)
    {
        Kind = kind;
        // A duplicate alias is reported by the catalog (naming both assemblies); the first registration is kept here.
        _entries = new SortedDictionary<string, PluginRegistration>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            _entries.TryAdd(entry.Alias, entry);
        }
    }

    /// <summary>The kind this registry holds.</summary>
    public PluginKind Kind { get; }

    /// <summary>Registrations sorted by alias.</summary>
    public IReadOnlyCollection<PluginRegistration> Entries => _entries.Values;

    /// <summary>Looks up an alias.</summary>
    public bool TryGet(string alias, out PluginRegistration registration) => _entries.TryGetValue(alias, out registration!);

    /// <summary>The message for an alias that does not exist: suggestions, then every alias there is.</summary>
    public string UnknownAliasMessage(string alias)
    {
        var kind = PluginKinds.Describe(Kind);
        var known = _entries.Count == 0 ? "none are loaded" : "available: " + string.Join(", ", _entries.Keys);
        return $"unknown {kind} '{alias}'{Suggestions.DidYouMean(alias, _entries.Keys)} ({known})";
    }
}
