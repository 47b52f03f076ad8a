namespace EarlyExitBench.Harness.Methods;

/// <summary>Reliability-diagram counts of one calibrator on one seed, per exit (confidence does not depend on the failure predictor).</summary>
/// <param name="Calibrator">Calibrator label.</param>
/// <param name="Seed">Seed of the cell.</param>
/// <param name="PerExit">Counts of each exit, exit 1 first.</param>
public sealed record CalibratorReliability(string Calibrator, int Seed, IReadOnlyList<ExitReliability> PerExit);
