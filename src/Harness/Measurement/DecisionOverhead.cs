namespace EarlyExitBench.Harness.Measurement;

/// <summary>
/// The exit decision's share of the full network's time at one batch size: calibrate, score and gather at every exit,
/// for a batch in which no sample has stopped yet, against the forward pass through every block and head.
/// </summary>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="ForwardMs">Median time of the full forward pass (every block and head), ms per batch.</param>
/// <param name="DecisionMs">Sum over exits of calibrate, score and gather, ms per batch.</param>
/// <param name="Share">DecisionMs / ForwardMs.</param>
/// <param name="PerExit">The breakdown per exit.</param>
public sealed record DecisionOverhead(int BatchSize, double ForwardMs, double DecisionMs, double Share, IReadOnlyList<DecisionTiming> PerExit);
