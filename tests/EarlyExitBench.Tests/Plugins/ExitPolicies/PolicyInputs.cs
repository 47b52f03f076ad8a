using EarlyExitBench.Contracts;

namespace EarlyExitBench.Tests.Plugins.ExitPolicies;

internal static class PolicyInputs
{
    /// <summary>Test split = validation split, so what the policy realises on test is what it fitted.</summary>
    public static ExitPolicyInput SameSplits(double[][] scores, int[][] predictions, double[] costs, int[] labels) =>
        new(Memories(scores), Memories(predictions), labels, Memories(scores), Memories(predictions), costs);

    public static IReadOnlyList<ReadOnlyMemory<T>> Memories<T>(T[][] perExit) => perExit.Select(a => (ReadOnlyMemory<T>)a).ToList();

    public static double[][] UniformScores(int exits, int samples, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, exits).Select(_ => Enumerable.Range(0, samples).Select(_ => random.NextDouble()).ToArray()).ToArray();
    }

    public static int[][] Constant(int exits, int samples) =>
        Enumerable.Range(0, exits).Select(_ => new int[samples]).ToArray();
}
