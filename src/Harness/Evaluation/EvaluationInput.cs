using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>What <see cref="MethodEvaluator"/> needs for one method on the test split.</summary>
/// <param name="Probabilities">[K] calibrated test probabilities, n × C each; not read when <paramref name="CalibratedLogits"/> is given.</param>
/// <param name="Scores">[K][n] confidence score per exit, higher = more confident; not NaN, not +∞.</param>
/// <param name="Labels">[n] class labels in [0, C).</param>
/// <param name="ExitCosts">[K] cumulative cost to reach each exit; strictly positive and nondecreasing.</param>
/// <param name="ScoresBeforeCalibration">[K][n] the same score on uncalibrated probabilities (not NaN), for rank preservation.</param>
/// <param name="Bins">Number of calibration bins M.</param>
/// <param name="CalibratedLogits">[K] calibrated test logits, n × C each, finite, whose softmax is the probabilities: then
/// every probability is computed from them in double precision (see <see cref="ExitOutputs.FromLogits"/>).</param>
/// <param name="Outputs">[K] the exits' outputs when already computed from the same matrices (they depend only on the
/// calibrator, so the methods of one calibrator share them).</param>
/// <param name="Metrics">The metrics to compute at each exit, in leaderboard order; null for the built-in ones.</param>
public sealed record EvaluationInput(
    IReadOnlyList<ClassMatrix> Probabilities,
    IReadOnlyList<double[]> Scores,
    int[] Labels,
    double[] ExitCosts,
    IReadOnlyList<double[]>? ScoresBeforeCalibration = null,
    int Bins = 15,
    IReadOnlyList<ClassMatrix>? CalibratedLogits = null,
    IReadOnlyList<ExitOutputs>? Outputs = null,
    IReadOnlyList<MetricDefinition>? Metrics = null);
