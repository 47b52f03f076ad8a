using System.Text.Json;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Storage;

namespace EarlyExitBench.Harness.Leaderboard;

/// <summary>Writes leaderboards atomically, so a crash never leaves a half-written file.</summary>
public static class LeaderboardWriter
{
    /// <summary>Serialises <paramref name="document"/> to <paramref name="path"/> (temp file, then rename).</summary>
    public static void Write(string path, LeaderboardDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(document, Json.Options) + "\n");
    }
}
