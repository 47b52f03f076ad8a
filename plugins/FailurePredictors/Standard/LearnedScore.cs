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
    public LearnedScore(LearnedScoreOptions options) => _l2 = LearnedScoreOptions.CheckedL2(options);

    /// <inheritdoc />
    public IConfidenceScorer Fit(MultiExitOutputs validation, ReadOnlySpan<int> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (labels.Length != validation.Samples)
        {
            throw new ArgumentException($"{labels.Length} labels for {validation.Samples} samples.", nameof(labels));
        }

        var correct = new bool[validation.Exits][];
        for (var k = 0; k < correct.Length; k++)
        {
            correct[k] = PerExitScorer.Correct(validation, k, labels);
        }

        return PerExitScorer.Fit(validation, LearnedFeatures.Extract, LearnedFeatures.Count, k => correct[k], _l2, cancellationToken);
    }
}
