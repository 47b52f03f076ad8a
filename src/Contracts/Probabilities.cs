namespace EarlyExitBench.Contracts;

/// <summary>Numerically stable softmax helpers shared by calibrators and scores.</summary>
public static class Probabilities
{
    /// <summary>Row-wise softmax of <paramref name="logits"/> divided by <paramref name="temperature"/>.</summary>
    /// <param name="logits">Logits, one row per sample.</param>
    /// <param name="temperature">Positive temperature; 1 leaves the logits as they are.</param>
    /// <returns>A new matrix whose rows sum to 1.</returns>
    public static ClassMatrix Softmax(ClassMatrix logits, double temperature = 1.0)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        var result = new float[logits.Rows * logits.Columns];
        var row = new double[logits.Columns];
        for (var i = 0; i < logits.Rows; i++)
        {
            SoftmaxRow(logits.Row(i), 1.0 / temperature, row);
            for (var c = 0; c < row.Length; c++)
            {
                result[(i * logits.Columns) + c] = (float)row[c];
            }
        }

        return new ClassMatrix(result, logits.Rows, logits.Columns);
    }

    /// <summary>
    /// The predicted class of one row: the index of the largest value, the first one on ties. The harness's
    /// predictions use this, so a plugin that compares predictions (patience, agreement features) should too.
    /// </summary>
    /// <param name="row">One sample's logits or probabilities.</param>
    /// <returns>The class index; 0 for an empty row.</returns>
    public static int ArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var c = 1; c < row.Length; c++)
        {
            if (row[c] > row[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>Softmax of one row of logits scaled by <paramref name="scale"/>, in double precision.</summary>
    /// <param name="logits">One sample's logits.</param>
    /// <param name="scale">Multiplier applied to the logits (1 / temperature).</param>
    /// <param name="destination">Receives the probabilities; same length as <paramref name="logits"/>.</param>
    public static void SoftmaxRow(ReadOnlySpan<float> logits, double scale, Span<double> destination)
    {
        if (destination.Length != logits.Length)
        {
            throw new ArgumentException("Destination length must match the logits.", nameof(destination));
        }

        var max = double.NegativeInfinity;
        foreach (var z in logits)
        {
            max = Math.Max(max, scale * z);
        }

        var sum = 0.0;
        for (var c = 0; c < logits.Length; c++)
        {
            destination[c] = Math.Exp((scale * logits[c]) - max);
            sum += destination[c];
        }

        for (var c = 0; c < logits.Length; c++)
        {
            destination[c] /= sum;
        }
    }
}
