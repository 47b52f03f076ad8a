using EarlyExitBench.Contracts;

namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>
/// <c>learned</c>: one L2-regularised logistic regression per exit, fitted on validation to predict
/// whether that exit's prediction is correct from the features in <see cref="LearnedFeatures"/>
/// (standardised with the validation mean and standard deviation). The score is the predicted log-odds
/// of being correct (monotone in the probability, without its saturation ties). Exit k reads exits k−1
/// and k only.
/// </summary>
/// <param name="options">Regularisation strength.</param>
public sealed class LearnedScore(LearnedScoreOptions options) : PerExitLearnedScore(options)
{
    /// <inheritdoc />
    protected override double[][] Features(MultiExitOutputs outputs, int exit) => LearnedFeatures.Extract(outputs, exit);

    /// <inheritdoc />
    protected override int FeatureCount(int exit) => LearnedFeatures.Count(exit);

    /// <inheritdoc />
    protected override bool[][] Targets(MultiExitOutputs validation, ReadOnlySpan<int> labels)
    {
        var correct = new bool[validation.Exits][];
        for (var k = 0; k < correct.Length; k++)
        {
            correct[k] = PerExitScorer.Correct(validation, k, labels);
        }

        return correct;
    }
}
