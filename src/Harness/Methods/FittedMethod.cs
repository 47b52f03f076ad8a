using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Methods;

/// <summary>One method fitted on a cell's validation data, and its test scores: what dynamic inference runs and sweeps.</summary>
/// <param name="Calibrators">The calibrator fitted on each exit, exit 1 first.</param>
/// <param name="Scorer">The fitted failure predictor.</param>
/// <param name="TestScores">Test scores per exit.</param>
/// <param name="TestCorrect">Test correctness per exit.</param>
public sealed record FittedMethod(IReadOnlyList<IFittedCalibrator> Calibrators, IConfidenceScorer Scorer, IReadOnlyList<double[]> TestScores, IReadOnlyList<bool[]> TestCorrect);
