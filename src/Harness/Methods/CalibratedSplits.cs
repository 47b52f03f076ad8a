using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Methods;

/// <summary>What a calibrator's fit gives: its per-exit fits and parameters, and both splits calibrated.</summary>
/// <param name="Fitted">The calibrator fitted on each exit.</param>
/// <param name="Parameters">Each exit's fitted parameters.</param>
/// <param name="Validation">Calibrated validation outputs.</param>
/// <param name="Test">Calibrated test outputs.</param>
internal sealed record CalibratedSplits(IReadOnlyList<IFittedCalibrator> Fitted, IReadOnlyList<IReadOnlyDictionary<string, double>> Parameters, MultiExitOutputs Validation, MultiExitOutputs Test);
