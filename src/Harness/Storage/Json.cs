using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EarlyExitBench.Harness.Storage;

/// <summary>The serializer settings of every JSON file eebench writes and reads back (leaderboards, plans, cell results).</summary>
public static class Json
{
    /// <summary>Indented, snake_case keys, dictionary keys as given, NaN/Infinity allowed, no escaping of readable characters.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
