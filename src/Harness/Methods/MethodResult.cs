using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Harness.Methods;

/// <summary>One (calibrator, failure predictor, exit policy) evaluated on one seed.</summary>
public sealed record MethodResult(string Calibrator, string FailurePredictor, string ExitPolicy, int Seed, MethodEvaluation Evaluation);
