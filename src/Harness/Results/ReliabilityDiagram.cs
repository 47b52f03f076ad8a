namespace EarlyExitBench.Harness.Results;

/// <summary>Reliability diagrams of one calibrator, per exit, pooled over the seeds of a group.</summary>
/// <param name="Calibrator">Calibrator label.</param>
/// <param name="PerExit">Each exit's bins, exit 1 first.</param>
public sealed record ReliabilityDiagram(string Calibrator, IReadOnlyList<ReliabilityBins> PerExit);
