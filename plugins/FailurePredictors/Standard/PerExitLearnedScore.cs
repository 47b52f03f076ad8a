using EarlyExitBench.Contracts;

namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>
/// A failure predictor that fits one standardised, L2-regularised logistic regression per exit on validation: the shape
/// of <c>learned</c> and <c>exit-aware</c>, which differ only in their features and in what they predict.
/// </summary>
public abstract class PerExitLearnedScore : IFailurePredictor
{
    private readonly double _l2;

    /// <summary>Checks and keeps the regularisation strength.</summary>
    /// <param name="options">Regularisation strength.</param>
    protected PerExitLearnedScore(LearnedScoreOptions options) => _l2 = LearnedScoreOptions.CheckedL2(options);

    /// <inheritdoc />
    public IConfidenceScorer Fit(MultiExitOutputs validation, ReadOnlySpan<int> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validation);
        InputChecks.CheckLabels(labels, validation.Samples, validation.Exits == 0 ? 0 : validation.Logits[0].Columns);

        var targets = Targets(validation, labels);
        return PerExitScorer.Fit(validation, Features, FeatureCount, k => targets[k], _l2, cancellationToken);
    }

    /// <summary>Raw feature rows of every sample at <paramref name="exit"/>; may read exits 0..<paramref name="exit"/> only.</summary>
    protected abstract double[][] Features(MultiExitOutputs outputs, int exit);

    /// <summary>Number of features at <paramref name="exit"/>.</summary>
    protected abstract int FeatureCount(int exit);

    /// <summary>Per exit, the binary target of every validation sample.</summary>
    protected abstract bool[][] Targets(MultiExitOutputs validation, ReadOnlySpan<int> labels);
}
