namespace EarlyExitBench.Harness.Plugins;

/// <summary>The frozen registry of one plugin kind, keyed by alias.</summary>
public sealed class PluginRegistry
{
    private readonly SortedDictionary<string, PluginRegistration> _entries;
    private readonly List<PluginRegistration> _registered = [];
    private readonly Dictionary<string, PluginRegistration> _deprecated = new(StringComparer.Ordinal);

    internal PluginRegistry(PluginKind kind, IEnumerable<PluginRegistration> entries)
    {
        Kind = kind;
        // A duplicate alias is reported by the catalog (naming both assemblies); the first registration is kept here.
        _entries = new SortedDictionary<string, PluginRegistration>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (_entries.TryAdd(entry.Alias, entry))
            {
                _registered.Add(entry);
            }
        }

        // A former alias never shadows a current one (the catalog reports the clash).
        foreach (var entry in _registered)
        {
            foreach (var old in entry.DeprecatedAliases.Where(a => !_entries.ContainsKey(a)))
            {
                _deprecated.TryAdd(old, entry);
            }
        }
    }

    /// <summary>The kind this registry holds.</summary>
    public PluginKind Kind { get; }

    /// <summary>Registrations sorted by alias.</summary>
    public IReadOnlyCollection<PluginRegistration> Entries => _entries.Values;

    /// <summary>Registrations in the order they were made: the host's built-ins first, then plugin assemblies by path.</summary>
    public IReadOnlyList<PluginRegistration> InRegistrationOrder => _registered;

    /// <summary>Looks up an alias, or a deprecated former alias (the registration then carries the current one).</summary>
    public bool TryGet(string alias, out PluginRegistration registration) =>
        _entries.TryGetValue(alias, out registration!) || _deprecated.TryGetValue(alias, out registration!);

    /// <summary>The note for a deprecated alias: which alias replaces it; null when <paramref name="alias"/> is current or unknown.</summary>
    public string? DeprecationNote(string alias) =>
        _deprecated.TryGetValue(alias, out var current)
            ? $"{PluginKinds.Describe(Kind)} alias '{alias}' is deprecated; use '{current.Alias}' (results are recorded under '{current.Alias}')"
            : null;

    /// <summary>The message for an alias that does not exist: suggestions, then every alias there is.</summary>
    public string UnknownAliasMessage(string alias)
    {
        var kind = PluginKinds.Describe(Kind);
        var known = _entries.Count == 0 ? "none are loaded" : "available: " + string.Join(", ", _entries.Keys);
        return $"unknown {kind} '{alias}'{Suggestions.DidYouMean(alias, _entries.Keys)} ({known})";
    }
}
