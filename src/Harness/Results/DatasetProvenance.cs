using System.Text.Json.Serialization;

namespace EarlyExitBench.Harness.Results;

/// <summary>One dataset the run read.</summary>
/// <param name="Name">Dataset label.</param>
/// <param name="ContentId">Hash of the files read.</param>
public sealed record DatasetProvenance(string Name, string ContentId)
{
    /// <summary>Where calibration and threshold data came from (the suite's <c>calibration</c>), in one sentence; null for a bundle.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] // absent from bundle runs and older files, which read back unchanged
    public string? Calibration { get; init; }
}
