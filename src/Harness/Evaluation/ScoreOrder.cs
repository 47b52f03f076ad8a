using System.Runtime.CompilerServices;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>Scores sorted ascending with the permutation that sorts them; one sort reused for several labelings.</summary>
internal sealed class ScoreOrder
{
    private ScoreOrder(double[] sorted, int[] order)
    {
        Sorted = sorted;
        Order = order;
    }

    /// <summary>The scores, ascending (stable radix sort); −0 is stored as +0 so that equal values compare and print alike.</summary>
    public double[] Sorted { get; }

    /// <summary>Order[j] is the sample index of Sorted[j].</summary>
    public int[] Order { get; }

    /// <summary>Wraps an existing sort of <paramref name="scores"/> (a metric context's score order).</summary>
    public static ScoreOrder FromOrder(ReadOnlySpan<double> scores, ReadOnlySpan<int> ascendingOrder)
    {
        if (scores.Length != ascendingOrder.Length)
        {
            throw new ArgumentException("Scores and their order must have the same length.", nameof(ascendingOrder));
        }

        var sorted = new double[scores.Length];
        for (var j = 0; j < sorted.Length; j++)
        {
            sorted[j] = scores[ascendingOrder[j]] + 0.0; // −0 → +0, as Create stores it
        }

        return new ScoreOrder(sorted, ascendingOrder.ToArray());
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ScoreOrder Create(ReadOnlySpan<double> scores)
    {
        if (scores.Length == 0)
        {
            throw new ArgumentException("At least one sample is required.", nameof(scores));
        }

        var keys = scores.ToArray();
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            if (double.IsNaN(keys[i]))
            {
                throw new ArgumentException($"Score of sample {i} is NaN.", nameof(scores));
            }

            order[i] = i;
        }

        RadixSort.Sort(keys, order);
        return new ScoreOrder(keys, order);
    }
}
