namespace EarlyExitBench.Harness.Measurement;

/// <summary>What dynamic inference decided for each sample, in input order.</summary>
/// <param name="Exits">Zero-based exit at which each sample stopped.</param>
/// <param name="Predictions">Predicted class: argmax of the calibrated probabilities at that exit (first index on ties).</param>
/// <param name="Scores">The online confidence score at that exit.</param>
public sealed record DynamicResult(int[] Exits, int[] Predictions, double[] Scores)
{
    /// <summary>Number of samples.</summary>
    public int Count => Exits.Length;

    /// <summary>Mean cumulative cost of the exits where samples stopped, divided by the last exit's cost.</summary>
    /// <param name="exitCosts">[K] cumulative cost of each exit.</param>
    /// <returns>The relative cost in (0, 1].</returns>
    public double RelativeCost(IReadOnlyList<double> exitCosts)
    {
        ArgumentNullException.ThrowIfNull(exitCosts);
        if (Exits.Length == 0)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var exit in Exits)
        {
            sum += exitCosts[exit];
        }

        return sum / Exits.Length / exitCosts[^1];
    }

    /// <summary>Number of samples that stopped at each exit.</summary>
    /// <param name="exits">K, the number of exits.</param>
    /// <returns>[K] counts summing to <see cref="Count"/>.</returns>
    public int[] ExitCounts(int exits)
    {
        var counts = new int[exits];
        foreach (var exit in Exits)
        {
            counts[exit]++;
        }

        return counts;
    }

    /// <summary>Share of samples whose prediction equals the label.</summary>
    /// <param name="labels">[n] labels in input order.</param>
    /// <returns>Accuracy in [0, 1].</returns>
    public double Accuracy(ReadOnlySpan<int> labels)
    {
        if (labels.Length != Predictions.Length)
        {
            throw new ArgumentException($"Expected {Predictions.Length} labels, got {labels.Length}.", nameof(labels));
        }

        var hits = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            hits += Predictions[i] == labels[i] ? 1 : 0;
        }

        return labels.Length == 0 ? 0 : (double)hits / labels.Length;
    }
}
