namespace EarlyExitBench.Contracts;

/// <summary>
/// One exit's confidences (max probability) sorted ascending with each sample's correctness: the one sort behind ECE,
/// adaptive ECE and MCE. Samples with equal confidence are adjacent; sums taken in this order do not depend on the
/// order of the input rows.
/// </summary>
public sealed class SortedConfidence
{
    private readonly double[] _confidence;
    private readonly bool[] _correct;

    private SortedConfidence(double[] confidence, bool[] correct)
    {
        _confidence = confidence;
        _correct = correct;
    }

    /// <summary>Confidences, ascending.</summary>
    public ReadOnlySpan<double> Confidence => _confidence;

    /// <summary>Whether the sample at each sorted position is correct.</summary>
    public ReadOnlySpan<bool> Correct => _correct;

    /// <summary>Number of samples.</summary>
    public int Count => _confidence.Length;

    /// <summary>Sorts <paramref name="confidence"/> (stable: ties keep their sample order).</summary>
    /// <param name="confidence">Confidence per sample, not NaN.</param>
    /// <param name="correct">Correctness per sample.</param>
    /// <returns>The sorted confidences.</returns>
    public static SortedConfidence Create(ReadOnlySpan<double> confidence, ReadOnlySpan<bool> correct)
    {
        var values = confidence.ToArray();
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => values[a] != values[b] ? values[a].CompareTo(values[b]) : a.CompareTo(b));
        return Create(confidence, order, correct);
    }

    /// <summary>Reuses a sort of the same values: the score is often the confidence itself.</summary>
    /// <param name="confidence">Confidence per sample.</param>
    /// <param name="ascendingOrder">Sample indices in ascending order of <paramref name="confidence"/>.</param>
    /// <param name="correct">Correctness per sample.</param>
    /// <returns>The sorted confidences.</returns>
    public static SortedConfidence Create(ReadOnlySpan<double> confidence, ReadOnlySpan<int> ascendingOrder, ReadOnlySpan<bool> correct)
    {
        var n = ascendingOrder.Length;
        if (confidence.Length != n || correct.Length != n)
        {
            throw new ArgumentException("Confidence, its order and correctness must have the same length.", nameof(correct));
        }

        var values = new double[n];
        var items = new bool[n];
        for (var j = 0; j < n; j++)
        {
            values[j] = confidence[ascendingOrder[j]];
            items[j] = correct[ascendingOrder[j]];
        }

        return new SortedConfidence(values, items);
    }
}
