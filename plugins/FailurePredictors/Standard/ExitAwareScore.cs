using EarlyExitBench.Contracts;

namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>
/// <c>exit-aware</c>: a learned confidence that asks "is it safe to stop here?" rather than "is this exit right?".
/// <para>
/// At exit k &lt; K (K the last exit) a validation sample is <i>safe to stop</i> when stopping costs no accuracy: exit k
/// is right, or the last exit is wrong anyway (c_k = 1 or c_K = 0), the target of the harness's exit-aware (EEFP-style)
/// AUROC. One L2-regularised logistic regression per exit, on standardised <see cref="ExitAwareFeatures"/> (the exit's
/// own confidence and its agreement with earlier exits), is fitted on validation to predict it; the score is the
/// predicted log-odds. At the last exit every sample is trivially safe, so that exit's model predicts plain correctness
/// (c_K), which only orders samples for metrics: the global-threshold policy always accepts the last exit.
/// </para>
/// <para>
/// It changes no prediction: predictions are the argmax of the calibrator's probabilities, which this score neither
/// reads back nor alters; only the order in which samples pass the threshold changes. Because every exit's score is the
/// log-odds of the same event, one global threshold means the same risk at every exit. Exit k reads exits 0..k only.
/// </para>
/// <para>
/// Relation to the paper (Kubaty et al., arXiv 2508.21495 v3, "Rethinking Calibration for Early-Exit Neural
/// Networks"): its abstract introduces Early-Exit Failure Prediction (EEFP), "which accounts for both prediction
/// correctness and the cost of further computation", and "a lightweight, EEFP-motivated procedure to improve the
/// intermediate classifiers, which can directly replace calibration". The full text of the procedure was not available
/// to us, so this is our own reading, not a reimplementation: a post-hoc score fitted on validation in place of a
/// calibrator, with the harness's own "safe to stop" target. See docs/REPRODUCTION.md.
/// </para>
/// </summary>
/// <param name="options">Regularisation strength.</param>
public sealed class ExitAwareScore(LearnedScoreOptions options) : PerExitLearnedScore(options)
{
    /// <inheritdoc />
    protected override double[][] Features(MultiExitOutputs outputs, int exit) => ExitAwareFeatures.Extract(outputs, exit);

    /// <inheritdoc />
    protected override int FeatureCount(int exit) => ExitAwareFeatures.Count(exit);

    /// <inheritdoc />
    protected override bool[][] Targets(MultiExitOutputs validation, ReadOnlySpan<int> labels) => SafeToStop(validation, labels);

    /// <summary>Per exit, per sample: c_k ∨ ¬c_K for k &lt; K, and c_K at the last exit.</summary>
    internal static bool[][] SafeToStop(MultiExitOutputs outputs, ReadOnlySpan<int> labels)
    {
        var exits = outputs.Exits;
        var targets = new bool[exits][];
        if (exits == 0)
        {
            return targets;
        }

        var last = PerExitScorer.Correct(outputs, exits - 1, labels);
        targets[exits - 1] = last;
        for (var k = 0; k < exits - 1; k++)
        {
            var correct = PerExitScorer.Correct(outputs, k, labels);
            targets[k] = correct.Select((c, i) => c || !last[i]).ToArray();
        }

        return targets;
    }
}
