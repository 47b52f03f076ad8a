namespace EarlyExitBench.Harness.Methods;

/// <summary>What one (calibrator, failure predictor) gave: its methods' results and, if it got that far, its scored form.</summary>
/// <param name="Calibration">The calibrator's outputs.</param>
/// <param name="FailurePredictor">Failure predictor label.</param>
/// <param name="Scored">The pair fitted, scored and measured; null when the failure predictor failed.</param>
/// <param name="Methods">One result per exit policy that ran.</param>
internal sealed record PairResults(Calibration Calibration, string FailurePredictor, ScoredMethod? Scored, IReadOnlyList<MethodResult> Methods);
