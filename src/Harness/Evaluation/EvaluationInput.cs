using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>What <see cref="MethodEvaluator"/> needs for one method on the test split.</summary>
/// <param name="Probabilities">[K] calibrated test probabilities, n × C each.</param>
/// <param name="Scores">[K][n] confidence score per exit, higher = more confident; not NaN, not +∞.</param>
/// <param name="Labels">[n] class labels in [0, C).</param>
/// <param name="ExitCosts">[K] cumulative cost to reach each exit; strictly positive and nondecreasing.</param>
/// <param name="ScoresBeforeCalibration">[K][n] the same score on uncalibrated probabilities (not NaN), for rank preservation.</param>
/// <param name="Bins">Number of calibration bins M.</param>
public sealed record EvaluationInput(
    IReadOnlyList<ClassMatrix> Probabilities,
    IReadOnlyList<double[]> Scores,
    int[] Labels,
    double[] ExitCosts,
    IReadOnlyList<double[]>? ScoresBeforeCalibration = null,
    int Bins = 15);
