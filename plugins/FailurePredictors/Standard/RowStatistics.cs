using EarlyExitBench.Contracts;

namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>Per-row quantities shared by the row scores and the learned score's features.</summary>
internal static class RowStatistics
{
    public static double Max(ReadOnlySpan<float> row) => row.Length == 0 ? double.NegativeInfinity : row[Probabilities.ArgMax(row)];

    /// <summary>Largest minus second-largest value (0 when the two tie or there is one class).</summary>
    public static double Margin(ReadOnlySpan<float> row)
    {
        double first = double.NegativeInfinity, second = double.NegativeInfinity;
        foreach (var v in row)
        {
            if (v > first)
            {
                (first, second) = (v, first);
            }
            else if (v > second)
            {
                second = v;
            }
        }

        return double.IsNegativeInfinity(second) ? 0.0 : first - second;
    }

    /// <summary>Σ p log p (0 log 0 = 0).</summary>
    public static double NegativeEntropy(ReadOnlySpan<float> probabilities)
    {
        var sum = 0.0;
        foreach (var p in probabilities)
        {
            if (p > 0)
            {
                sum += p * Math.Log(p);
            }
        }

        return sum;
    }

    /// <summary>Σ p².</summary>
    public static double SumOfSquares(ReadOnlySpan<float> probabilities)
    {
        var sum = 0.0;
        foreach (double p in probabilities)
        {
            sum += p * p;
        }

        return sum;
    }
}
