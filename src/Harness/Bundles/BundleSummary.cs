namespace EarlyExitBench.Harness.Bundles;

/// <summary>A bundle without its logits: what a plan needs to know before the logits are read.</summary>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Architecture">Architecture name.</param>
/// <param name="Exits">Number of exits K.</param>
/// <param name="Classes">Number of classes C.</param>
/// <param name="ValidationLabels">Validation labels.</param>
/// <param name="TestLabels">Test labels.</param>
/// <param name="ExitCost">Cumulative cost (FLOPs) to reach each exit.</param>
/// <param name="ContentId">SHA-256 of every array's name, size and CRC-32 (<see cref="NpzReader.ContentId"/>).</param>
public sealed record BundleSummary(
    string Dataset,
    string Architecture,
    int Exits,
    int Classes,
    int[] ValidationLabels,
    int[] TestLabels,
    double[] ExitCost,
    string ContentId);
