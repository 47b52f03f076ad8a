using EarlyExitBench.Contracts;

namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>A fitted per-exit learned score: exit k's features, then exit k's model; the score is the model's log-odds.</summary>
/// <param name="models">One model per exit, exit 0 first.</param>
/// <param name="features">Raw feature rows of every sample at an exit; may read exits up to that exit only.</param>
internal sealed class PerExitScorer(IReadOnlyList<StandardisedLogistic> models, Func<MultiExitOutputs, int, double[][]> features) : IConfidenceScorer
{
    public IReadOnlyList<StandardisedLogistic> Models => models;

    public double[] Score(MultiExitOutputs outputs, int exit)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentOutOfRangeException.ThrowIfNegative(exit);
        if (exit >= models.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(exit), exit, $"Fitted on {models.Count} exits.");
        }

        return models[exit].LogOdds(features(outputs, exit));
    }

    /// <summary>Fits one model per exit of <paramref name="validation"/>.</summary>
    /// <param name="validation">Calibrated validation outputs.</param>
    /// <param name="features">Feature extractor, as for the scorer.</param>
    /// <param name="count">Number of features at an exit.</param>
    /// <param name="targets">Per exit, the binary target of every validation sample.</param>
    /// <param name="l2">Penalty on the standardised weights.</param>
    /// <param name="cancellationToken">Cancels between exits and Newton steps.</param>
    public static PerExitScorer Fit(
        MultiExitOutputs validation, Func<MultiExitOutputs, int, double[][]> features, Func<int, int> count, Func<int, bool[]> targets, double l2, CancellationToken cancellationToken)
    {
        var models = new StandardisedLogistic[validation.Exits];
        for (var k = 0; k < models.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            models[k] = StandardisedLogistic.Fit(features(validation, k), targets(k), count(k), l2, cancellationToken);
        }

        return new PerExitScorer(models, features);
    }

    /// <summary>Whether each sample's prediction (argmax of the calibrated probabilities) at <paramref name="exit"/> is its label.</summary>
    public static bool[] Correct(MultiExitOutputs outputs, int exit, ReadOnlySpan<int> labels)
    {
        var probabilities = outputs.Probabilities[exit];
        var correct = new bool[labels.Length];
        for (var i = 0; i < correct.Length; i++)
        {
            correct[i] = Probabilities.ArgMax(probabilities.Row(i)) == labels[i];
        }

        return correct;
    }
}
