using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Bundles;

/// <summary>Every exit's logits on validation and test, with labels and per-exit cost: all that evaluation needs.</summary>
/// <param name="ValidationLogits">Per exit, n_val × C logits.</param>
/// <param name="ValidationLabels">Validation labels.</param>
/// <param name="TestLogits">Per exit, n_test × C logits.</param>
/// <param name="TestLabels">Test labels.</param>
/// <param name="ExitCost">Cumulative cost (FLOPs) to reach each exit.</param>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Architecture">Architecture name.</param>
public sealed record LogitsBundle(
    IReadOnlyList<ClassMatrix> ValidationLogits,
    int[] ValidationLabels,
    IReadOnlyList<ClassMatrix> TestLogits,
    int[] TestLabels,
    double[] ExitCost,
    string Dataset,
    string Architecture)
{
    /// <summary>Number of exits.</summary>
    public int Exits => TestLogits.Count;

    /// <summary>Number of classes.</summary>
    public int Classes => TestLogits[0].Columns;
}
