using System.Runtime.CompilerServices;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// Samples grouped by distinct score value, highest score first, with how many in each group are positive (e.g. correct)
/// and negative. Every ranking metric is computed from these groups, so tied scores are always one threshold step and no
/// metric depends on input order.
/// </summary>
public sealed class ScoreGroups
{
    private readonly double[] _values;
    private readonly int[] _positives;
    private readonly int[] _negatives;

    private ScoreGroups(double[] values, int[] positives, int[] negatives, int positiveTotal, int negativeTotal)
    {
        _values = values;
        _positives = positives;
        _negatives = negatives;
        PositiveTotal = positiveTotal;
        NegativeTotal = negativeTotal;
    }

    /// <summary>Distinct score values, descending.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Positive samples per group.</summary>
    public ReadOnlySpan<int> Positives => _positives;

    /// <summary>Negative samples per group.</summary>
    public ReadOnlySpan<int> Negatives => _negatives;

    /// <summary>All positive samples.</summary>
    public int PositiveTotal { get; }

    /// <summary>All negative samples.</summary>
    public int NegativeTotal { get; }

    /// <summary>All samples.</summary>
    public int Count => PositiveTotal + NegativeTotal;

    /// <summary>Groups <paramref name="scores"/> (not NaN) with their labels.</summary>
    /// <param name="scores">Score per sample, higher = more likely positive.</param>
    /// <param name="positive">Label per sample.</param>
    /// <returns>The grouped scores.</returns>
    public static ScoreGroups Create(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positive)
        => Create(ScoreOrder.Create(scores), positive);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static ScoreGroups Create(ScoreOrder order, ReadOnlySpan<bool> positive)
    {
        var sorted = order.Sorted;
        if (positive.Length != sorted.Length)
        {
            throw new ArgumentException("Scores and labels must have the same length.", nameof(positive));
        }

        var groups = sorted.Length == 0 ? 0 : 1;
        for (var j = 1; j < sorted.Length; j++)
        {
            groups += sorted[j] != sorted[j - 1] ? 1 : 0;
        }

        var values = new double[groups];
        var positives = new int[groups];
        var negatives = new int[groups];
        int positiveTotal = 0, negativeTotal = 0;
        var g = 0;
        var end = sorted.Length - 1;
        while (end >= 0)
        {
            var value = sorted[end];
            int p = 0, q = 0;
            while (end >= 0 && sorted[end] == value)
            {
                if (positive[order.Order[end]])
                {
                    p++;
                }
                else
                {
                    q++;
                }

                end--;
            }

            values[g] = value;
            positives[g] = p;
            negatives[g] = q;
            g++;
            positiveTotal += p;
            negativeTotal += q;
        }

        return new ScoreGroups(values, positives, negatives, positiveTotal, negativeTotal);
    }
}
