using EarlyExitBench.Contracts;

namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>
/// <c>learned</c>: one L2-regularised logistic regression per exit, fitted on validation to predict
/// whether that exit's prediction is correct from the features in <see cref="LearnedFeatures"/>
/// (standardised with the validation mean and standard deviation). The score is the predicted log-odds
/// of being correct (monotone in the probability, without its saturation ties). Exit k reads exits k−1
/// and k only.
/// </summary>
public sealed class LearnedScore : IFailurePredictor
{
    private readonly double _l2;

    /// <summary>Creates the predictor.</summary>
    /// <param name="options">Regularisation strength.</param>
    public LearnedScore(LearnedScoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.L2 >= 0) || double.IsInfinity(options.L2))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.L2, "l2 must be a finite number ≥ 0.");
        }

        _l2 = options.L2;
    }

    /// <inheritdoc />
    public IConfidenceScorer Fit(MultiExitOutputs validation, ReadOnlySpan<int> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (labels.Length != validation.Samples)
        {
            throw new ArgumentException($"{labels.Length} labels for {validation.Samples} samples.", nameof(labels));
        }

        var models = new ExitModel[validation.Exits];
        for (var k = 0; k < models.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var features = LearnedFeatures.Extract(validation, k);
            var probabilities = validation.Probabilities[k];
            var correct = new bool[labels.Length];
            for (var i = 0; i < correct.Length; i++)
            {
                correct[i] = Probabilities.ArgMax(probabilities.Row(i)) == labels[i];
            }

            var (mean, deviation) = Moments(features, LearnedFeatures.Count(k));
            Standardise(features, mean, deviation);
            models[k] = new ExitModel(mean, deviation, LogisticRegression.Fit(features, correct, _l2, cancellationToken));
        }

        return new Scorer(models);
    }

    private static (double[] Mean, double[] Deviation) Moments(double[][] rows, int count)
    {
        var mean = new double[count];
        var deviation = new double[count];
        foreach (var row in rows)
        {
            for (var j = 0; j < count; j++)
            {
                mean[j] += row[j];
            }
        }

        for (var j = 0; j < count; j++)
        {
            mean[j] /= Math.Max(1, rows.Length);
        }

        foreach (var row in rows)
        {
            for (var j = 0; j < count; j++)
            {
                deviation[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }

        for (var j = 0; j < count; j++)
        {
            var sd = Math.Sqrt(deviation[j] / Math.Max(1, rows.Length));
            deviation[j] = sd > 1e-12 ? sd : 1.0; // a constant feature stays constant (0) instead of dividing by 0
        }

        return (mean, deviation);
    }

    private static void Standardise(double[][] rows, double[] mean, double[] deviation)
    {
        foreach (var row in rows)
        {
            for (var j = 0; j < row.Length; j++)
            {
                row[j] = (row[j] - mean[j]) / deviation[j];
            }
        }
    }

    /// <summary>One exit's standardisation and model.</summary>
    internal sealed record ExitModel(double[] Mean, double[] Deviation, LogisticRegression Model);

    /// <summary>The fitted per-exit models.</summary>
    internal sealed class Scorer(ExitModel[] models) : IConfidenceScorer
    {
        public IReadOnlyList<ExitModel> Models => models;

        public double[] Score(MultiExitOutputs outputs, int exit)
        {
            ArgumentNullException.ThrowIfNull(outputs);
            ArgumentOutOfRangeException.ThrowIfNegative(exit);
            if (exit >= models.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(exit), exit, $"Fitted on {models.Length} exits.");
            }

            var model = models[exit];
            var features = LearnedFeatures.Extract(outputs, exit);
            Standardise(features, model.Mean, model.Deviation);
            return features.Select(row => model.Model.LogOdds(row)).ToArray();
        }
    }
}
