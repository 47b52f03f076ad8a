namespace EarlyExitBench.Harness.Results;

/// <summary>Fitted calibrator parameters of one seed, per exit (e.g. temperatures).</summary>
/// <param name="Calibrator">Calibrator label.</param>
/// <param name="Seed">Seed of the cell.</param>
/// <param name="PerExit">Parameters of each exit's fit, exit 1 first.</param>
public sealed record CalibratorFit(string Calibrator, int Seed, IReadOnlyList<IReadOnlyDictionary<string, double>> PerExit);
