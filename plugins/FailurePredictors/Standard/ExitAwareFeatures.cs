using EarlyExitBench.Contracts;

namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>
/// Features of the <c>exit-aware</c> score at exit k: the <see cref="LearnedFeatures"/> (exit k's msp, margin, Σ p log p,
/// max logit; for k &gt; 0 also whether exit k−1 predicts the same class and exit k−1's msp), and for k &gt; 0 three more
/// about the earlier exits: how many consecutive earlier exits predict exit k's class, exit k−1's probability of exit
/// k's class, and the mean msp of exits 0..k−1. Probabilities are the calibrated ones; the max logit is raw.
/// </summary>
internal static class ExitAwareFeatures
{
    private const int Extra = 3;

    public static int Count(int exit) => LearnedFeatures.Count(exit) + (exit > 0 ? Extra : 0);

    public static double[][] Extract(MultiExitOutputs outputs, int exit)
    {
        var rows = LearnedFeatures.Extract(outputs, exit);
        if (exit == 0)
        {
            return rows;
        }

        var predictions = Agreement.Predictions(outputs, exit);
        var previous = outputs.Probabilities[exit - 1];
        var earlierMsp = new double[rows.Length];
        for (var k = 0; k < exit; k++)
        {
            var probabilities = outputs.Probabilities[k];
            for (var i = 0; i < rows.Length; i++)
            {
                earlierMsp[i] += RowStatistics.Max(probabilities.Row(i)) / exit;
            }
        }

        var basic = LearnedFeatures.Count(exit);
        for (var i = 0; i < rows.Length; i++)
        {
            var features = new double[basic + Extra];
            rows[i].CopyTo(features, 0);
            features[basic] = Agreement.EarlierStreak(predictions, exit, i);
            features[basic + 1] = previous[i, predictions[exit][i]];
            features[basic + 2] = earlierMsp[i];
            rows[i] = features;
        }

        return rows;
    }
}
