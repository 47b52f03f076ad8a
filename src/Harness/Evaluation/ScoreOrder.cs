namespace EarlyExitBench.Harness.Evaluation;

/// <summary>Scores sorted ascending with the permutation that sorts them; one sort reused for several labelings.</summary>
internal sealed class ScoreOrder
{
    private ScoreOrder(double[] sorted, int[] order)
    {
        Sorted = sorted;
        Order = order;
    }

    /// <summary>The scores, ascending; −0 is stored as +0 so that equal values compare and print alike.</summary>
    public double[] Sorted { get; }

    /// <summary>Order[j] is the sample index of Sorted[j].</summary>
    public int[] Order { get; }

    public static ScoreOrder Create(ReadOnlySpan<double> scores)
    {
        if (scores.Length == 0)
        {
            throw new ArgumentException("At least one sample is required.", nameof(scores));
        }

        var keys = new double[scores.Length];
        var order = new int[scores.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var s = scores[i];
            if (double.IsNaN(s))
            {
                throw new ArgumentException($"Score of sample {i} is NaN.", nameof(scores));
            }

            keys[i] = s + 0.0;
            order[i] = i;
        }

        Array.Sort(keys, order);
        return new ScoreOrder(keys, order);
    }
}
