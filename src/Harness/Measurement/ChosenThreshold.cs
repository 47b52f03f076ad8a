namespace EarlyExitBench.Harness.Measurement;

/// <summary>A threshold to measure and what the simulated sweep predicts for it on the whole test split.</summary>
/// <param name="Label">Why it was chosen: <c>flops_25</c>, <c>flops_50</c>, <c>flops_75</c>, <c>matched_accuracy</c>, or the caller's own.</param>
/// <param name="Threshold">τ; may be +∞ (every sample to the last exit).</param>
/// <param name="SweepRelativeFlops">The sweep's mean cost / cost(K) at τ.</param>
/// <param name="SweepAccuracy">The sweep's accuracy at τ.</param>
public sealed record ChosenThreshold(string Label, double Threshold, double SweepRelativeFlops, double SweepAccuracy);
