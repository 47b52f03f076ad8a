using EarlyExitBench.Contracts;

namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>
/// Features of the <c>learned</c> score at exit k: [msp, margin, Σ p log p, max logit] of exit k, and
/// for k &gt; 0 also [1 if exit k's prediction equals exit k−1's else 0, msp of exit k−1].
/// Probabilities are the calibrated ones; the max logit is raw.
/// </summary>
internal static class LearnedFeatures
{
    public static int Count(int exit) => exit > 0 ? 6 : 4;

    public static double[][] Extract(MultiExitOutputs outputs, int exit)
    {
        var probabilities = outputs.Probabilities[exit];
        var logits = outputs.Logits[exit];
        var previous = exit > 0 ? outputs.Probabilities[exit - 1] : null;
        var rows = new double[probabilities.Rows][];
        for (var i = 0; i < rows.Length; i++)
        {
            var p = probabilities.Row(i);
            var features = new double[Count(exit)];
            features[0] = RowStatistics.Max(p);
            features[1] = RowStatistics.Margin(p);
            features[2] = RowStatistics.NegativeEntropy(p);
            features[3] = RowStatistics.Max(logits.Row(i));
            if (previous is not null)
            {
                var before = previous.Row(i);
                features[4] = Probabilities.ArgMax(before) == Probabilities.ArgMax(p) ? 1.0 : 0.0;
                features[5] = RowStatistics.Max(before);
            }

            rows[i] = features;
        }

        return rows;
    }
}
