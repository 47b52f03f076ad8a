using System.Globalization;
using System.Text.Json.Nodes;
using EarlyExitBench.Harness.Plugins;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EarlyExitBench.Harness.Suites;

/// <summary>Reads one YAML mapping into typed values, collecting errors instead of throwing.</summary>
internal sealed class YamlMapping
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly string _file;
    private readonly List<SuiteError> _errors;

    public YamlMapping(YamlMappingNode node, string file, List<SuiteError> errors)
    {
        Node = node;
        _file = file;
        _errors = errors;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode scalar || scalar.Value is null)
            {
                Error(key, "keys must be plain words");
                continue;
            }

            if (!_entries.TryAdd(scalar.Value, (scalar, value)))
            {
                Error(key, $"duplicate key '{scalar.Value}'");
            }
        }
    }

    public YamlMappingNode Node { get; }

    public SourceLocation Location(YamlNode node) => new(_file, node.Start.Line, node.Start.Column);

    public void Error(YamlNode node, string message) => _errors.Add(new SuiteError(Location(node), message));

    public YamlNode? Get(string key)
    {
        _known.Add(key);
        return _entries.TryGetValue(key, out var entry) ? entry.Value : null;
    }

    public YamlNode? Require(string key)
    {
        var node = Get(key);
        if (node is null)
        {
            Error(Node, $"missing required key '{key}'");
        }

        return node;
    }

    /// <summary>The nested mapping under <paramref name="key"/>; null when absent or (reported) not a mapping.</summary>
    public YamlMapping? Section(string key)
    {
        switch (Get(key))
        {
            case null:
                return null;
            case YamlMappingNode mapping:
                return new YamlMapping(mapping, _file, _errors);
            case var other:
                Error(other, $"'{key}' must be a mapping");
                return null;
        }
    }

    /// <summary>Reports every key no getter asked for.</summary>
    public void RejectUnknownKeys(string where)
    {
        foreach (var (name, (key, _)) in _entries)
        {
            if (!_known.Contains(name))
            {
                Error(key, $"unknown key '{name}' in {where}{Suggestions.DidYouMean(name, _known)}");
            }
        }
    }

    public string? String(string key, string? fallback = null)
    {
        var node = Get(key);
        if (node is null)
        {
            return fallback;
        }

        if (node is YamlScalarNode { Value: not null } s && !IsNull(s))
        {
            return s.Value;
        }

        Error(node, $"'{key}' must be a string");
        return fallback;
    }

    public int? Int(string key, int? fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var node = Get(key);
        return node is null ? fallback : ToInt(node, key, min, max) ?? fallback;
    }

    public double Double(string key, double fallback, double min = double.MinValue, double max = double.MaxValue)
    {
        var node = Get(key);
        if (node is null)
        {
            return fallback;
        }

        if (node is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            if (value < min || value > max)
            {
                Error(node, $"'{key}' must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, got {text}");
                return fallback;
            }

            return value;
        }

        Error(node, $"'{key}' must be a number");
        return fallback;
    }

    public int? ToInt(YamlNode node, string key, int min = int.MinValue, int max = int.MaxValue)
    {
        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            if (value < min || value > max)
            {
                Error(node, $"'{key}' must be between {min} and {max}, got {value}");
                return null;
            }

            return value;
        }

        Error(node, $"'{key}' must be an integer");
        return null;
    }

    public IReadOnlyList<YamlNode>? Sequence(string key, bool allowScalar = true)
    {
        var node = Get(key);
        switch (node)
        {
            case null:
                return null;
            case YamlSequenceNode seq:
                return seq.Children.ToList();
            case YamlScalarNode s when IsNull(s):
                return [];
            case YamlScalarNode s when allowScalar:
                return [s];
            default:
                Error(node, $"'{key}' must be a list");
                return null;
        }
    }

    public static bool IsNull(YamlScalarNode s) =>
        s.Style == ScalarStyle.Plain && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    /// <summary>Converts a YAML subtree to JSON: plain scalars become numbers, booleans or null where they parse as such.</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? string.Empty, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode s when s.Style != ScalarStyle.Plain => JsonValue.Create(s.Value),
        YamlScalarNode s when IsNull(s) => null,
        YamlScalarNode { Value: "true" or "True" or "TRUE" } => JsonValue.Create(true),
        YamlScalarNode { Value: "false" or "False" or "FALSE" } => JsonValue.Create(false),
        YamlScalarNode s when long.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        YamlScalarNode s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => JsonValue.Create(d),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };
}
