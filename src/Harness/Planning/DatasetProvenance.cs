using System.Text.Json.Serialization;

namespace EarlyExitBench.Harness.Planning;

/// <summary>One dataset a plan reads.</summary>
/// <param name="Name">Dataset label in the leaderboard.</param>
/// <param name="ContentId">Hash of the files read (for a logits bundle: of the bundle file).</param>
public sealed record DatasetProvenance(string Name, string ContentId)
{
    /// <summary>Where calibration and threshold data came from (the suite's <c>calibration</c>), in one sentence; null for a bundle.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Calibration { get; init; }
}
