namespace EarlyExitBench.Contracts;

/// <summary>
/// One exit's samples grouped by distinct score value, highest score first, with how many in each group are positive
/// (for example correct) and negative: every threshold of a ROC or risk–coverage curve, tied samples accepted together.
/// Every ranking metric of the harness is computed from these groups, so none depends on the order of the input rows.
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

    /// <summary>Distinct score values, descending (−0 and +0 are one value).</summary>
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

    /// <summary>Groups <paramref name="scores"/> along a sort of them, such as <see cref="ExitMetricContext.ScoreOrder"/>.</summary>
    /// <param name="scores">Score per sample (not NaN), higher = more likely positive.</param>
    /// <param name="ascendingOrder">Sample indices in ascending order of <paramref name="scores"/>.</param>
    /// <param name="positive">Label per sample.</param>
    /// <returns>The grouped scores.</returns>
    public static ScoreGroups Create(ReadOnlySpan<double> scores, ReadOnlySpan<int> ascendingOrder, ReadOnlySpan<bool> positive)
    {
        var n = ascendingOrder.Length;
        if (positive.Length != n || scores.Length != n)
        {
            throw new ArgumentException("Scores, their order and labels must have the same length.", nameof(positive));
        }

        var groups = n == 0 ? 0 : 1;
        for (var j = 0; j < n; j++)
        {
            if (double.IsNaN(scores[ascendingOrder[j]]))
            {
                throw new ArgumentException($"Score of sample {ascendingOrder[j]} is NaN.", nameof(scores));
            }

            groups += j > 0 && scores[ascendingOrder[j]] != scores[ascendingOrder[j - 1]] ? 1 : 0;
        }

        var values = new double[groups];
        var positives = new int[groups];
        var negatives = new int[groups];
        int positiveTotal = 0, negativeTotal = 0;
        var g = 0;
        var end = n - 1;
        while (end >= 0)
        {
            var value = scores[ascendingOrder[end]];
            int p = 0, q = 0;
            while (end >= 0 && scores[ascendingOrder[end]] == value)
            {
                if (positive[ascendingOrder[end]])
                {
                    p++;
                }
                else
                {
                    q++;
                }

                end--;
            }

            values[g] = value + 0.0;
            positives[g] = p;
            negatives[g] = q;
            g++;
            positiveTotal += p;
            negativeTotal += q;
        }

        return new ScoreGroups(values, positives, negatives, positiveTotal, negativeTotal);
    }
}
