using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Harness.Methods;

/// <summary>Every method evaluated on one cell, what failed, the calibrators' fitted parameters, and the fitted methods.</summary>
/// <param name="Methods">One result per (calibrator, failure predictor, exit policy) that ran.</param>
/// <param name="Failures">Plugin calls that failed; their methods are missing from <paramref name="Methods"/>.</param>
/// <param name="Fits">Fitted calibrator parameters per exit.</param>
/// <param name="Reliability">Reliability-diagram counts of each calibrator that ran.</param>
/// <param name="Fitted">The fitted objects of each global-threshold (calibrator, failure predictor), for measurement to reuse.</param>
public sealed record CellMethods(
    IReadOnlyList<MethodResult> Methods,
    IReadOnlyList<FailureRecord> Failures,
    IReadOnlyList<CalibratorFit> Fits,
    IReadOnlyList<CalibratorReliability> Reliability,
    IReadOnlyDictionary<(string Calibrator, string FailurePredictor), FittedMethod> Fitted);
