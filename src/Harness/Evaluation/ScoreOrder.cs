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
