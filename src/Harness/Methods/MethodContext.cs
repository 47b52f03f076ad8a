namespace EarlyExitBench.Harness.Methods;

/// <summary>Everything one method reads: its key, the cell, its calibrator's shared outputs and its scored (calibrator, failure predictor).</summary>
/// <param name="Key">Calibrator, failure predictor and exit policy.</param>
/// <param name="Run">The cell.</param>
/// <param name="Calibration">The calibrator's outputs, shared by its methods.</param>
/// <param name="Scored">The (calibrator, failure predictor) scored and measured per exit, shared by its exit policies.</param>
internal sealed record MethodContext(MethodKey Key, CellRun Run, Calibration Calibration, ScoredMethod Scored);
