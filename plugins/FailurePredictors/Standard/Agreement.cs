using EarlyExitBench.Contracts;

namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>How far back the earlier exits agree with an exit's prediction (used by <c>patience</c> and <c>exit-aware</c>).</summary>
internal static class Agreement
{
    /// <summary>Every sample's prediction (argmax of the calibrated probabilities, first index on ties) at exits 0..<paramref name="exit"/>.</summary>
    public static int[][] Predictions(MultiExitOutputs outputs, int exit)
    {
        var predictions = new int[exit + 1][];
        for (var k = 0; k <= exit; k++)
        {
            var probabilities = outputs.Probabilities[k];
            var row = predictions[k] = new int[probabilities.Rows];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = Probabilities.ArgMax(probabilities.Row(i));
            }
        }

        return predictions;
    }

    /// <summary>The number of consecutive exits <paramref name="exit"/>−1, <paramref name="exit"/>−2, … that predict what exit <paramref name="exit"/> predicts for sample <paramref name="sample"/>.</summary>
    public static int EarlierStreak(int[][] predictions, int exit, int sample)
    {
        var streak = 0;
        for (var k = exit - 1; k >= 0 && predictions[k][sample] == predictions[exit][sample]; k--)
        {
            streak++;
        }

        return streak;
    }
}
