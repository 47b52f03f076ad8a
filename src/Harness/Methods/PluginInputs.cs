using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Harness.Methods;

/// <summary>
/// What the host hands a method plugin: views that cannot be cast back to the host's own lists, and copies of every
/// array a <see cref="ReadOnlyMemory{T}"/> would let it reach (<c>MemoryMarshal.TryGetArray</c>), so nothing a plugin
/// writes changes what later methods, metrics or the measurement read.
/// </summary>
internal static class PluginInputs
{
    /// <summary>
    /// <paramref name="outputs"/> behind read-only lists. Matrices are shared (they expose only read-only spans);
    /// <see cref="MultiExitOutputs.MaxProbabilities"/> are copied, each exit when first read. Laziness is kept: an exit's
    /// probabilities are made only if the plugin reads them.
    /// </summary>
    public static MultiExitOutputs Outputs(MultiExitOutputs outputs) =>
        new(View(outputs.Logits), View(outputs.Probabilities))
        {
            CalibratedLogits = outputs.CalibratedLogits is { } calibrated ? View(calibrated) : null,
            MaxProbabilities = outputs.MaxProbabilities is { } max ? new LazyExits<ReadOnlyMemory<double>>(max.Count, k => max[k].ToArray()) : null,
        };

    /// <summary>An exit policy's input, every array copied for this one call.</summary>
    public static ExitPolicyInput Policy(
        IReadOnlyList<double[]> validationScores, IReadOnlyList<int[]> validationPredictions, int[] validationLabels,
        IReadOnlyList<double[]> testScores, IReadOnlyList<int[]> testPredictions, double[] exitCosts) =>
        new(Copies(validationScores), Copies(validationPredictions), validationLabels.ToArray(), Copies(testScores), Copies(testPredictions), exitCosts.ToArray());

    private static IReadOnlyList<ReadOnlyMemory<T>> Copies<T>(IReadOnlyList<T[]> perExit) =>
        perExit.Select(a => (ReadOnlyMemory<T>)a.ToArray()).ToList().AsReadOnly();

    private static LazyExits<T> View<T>(IReadOnlyList<T> perExit) => new(perExit.Count, k => perExit[k]);
}
