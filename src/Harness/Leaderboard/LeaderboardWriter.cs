using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EarlyExitBench.Harness.Leaderboard;

/// <summary>Writes leaderboards atomically, so a crash never leaves a half-written file.</summary>
public static class LeaderboardWriter
{
    /// <summary>The serializer settings of every JSON file eebench writes.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Serialises <paramref name="document"/> to <paramref name="path"/> (temp file, then rename).</summary>
    public static void Write(string path, LeaderboardDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(document, Options) + "\n");
        File.Move(temp, path, overwrite: true);
    }
}
