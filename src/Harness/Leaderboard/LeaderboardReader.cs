using System.Text.Json;
using EarlyExitBench.Harness.Storage;

namespace EarlyExitBench.Harness.Leaderboard;

/// <summary>Reads a leaderboard file back (for <c>report</c> and <c>compare</c>).</summary>
public static class LeaderboardReader
{
    // Strict on reading: a key that is missing or null where the model needs a value is an error, not a silent default.
    private static readonly JsonSerializerOptions Strict = new(Json.Options) { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };

    /// <summary>
    /// Reads <paramref name="path"/>; a missing file, invalid JSON or another schema version is an
    /// <see cref="InvalidDataException"/> (or <see cref="FileNotFoundException"/>) naming the file.
    /// </summary>
    public static LeaderboardDocument Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: leaderboard not found", path);
        }

        try
        {
            using (var probe = JsonDocument.Parse(File.ReadAllBytes(path)))
            {
                var version = probe.RootElement.ValueKind == JsonValueKind.Object && probe.RootElement.TryGetProperty("schema_version", out var v) && v.TryGetInt32(out var n) ? n : (int?)null;
                if (version != LeaderboardDocument.CurrentSchemaVersion)
                {
                    throw new InvalidDataException(
                        $"{path}: schema_version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}, this eebench reads {LeaderboardDocument.CurrentSchemaVersion}; rebuild it with this eebench ('eebench merge' on its folder)");
                }
            }

            return JsonSerializer.Deserialize<LeaderboardDocument>(File.ReadAllText(path), Strict)
                ?? throw new InvalidDataException($"{path}: empty leaderboard");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a leaderboard of this eebench ({ex.Message}); if an older eebench wrote it, rebuild it with 'eebench merge' on its folder", ex);
        }
    }
}
