namespace EarlyExitBench.Harness.Results;

/// <summary>The exit decision's share of the full network's time at one batch size.</summary>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="ForwardMs">The full forward pass, ms per batch.</param>
/// <param name="DecisionMs">Calibrate, score and gather over every exit, ms per batch.</param>
/// <param name="Share">DecisionMs / ForwardMs.</param>
/// <param name="PerExit">The breakdown per exit.</param>
public sealed record DecisionOverhead(int BatchSize, double ForwardMs, double DecisionMs, double Share, IReadOnlyList<DecisionTiming> PerExit);
