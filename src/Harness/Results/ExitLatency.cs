namespace EarlyExitBench.Harness.Results;

/// <summary>Cumulative latency to reach one exit, no early exit.</summary>
/// <param name="Exit">One-based exit index.</param>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="RelativeFlops">cost(k) / cost(K).</param>
/// <param name="RelativeTime">Time to this exit over time to the last exit.</param>
/// <param name="MsPerSample">Milliseconds per batch over the batch size.</param>
/// <param name="Time">Milliseconds per batch.</param>
public sealed record ExitLatency(int Exit, int BatchSize, double RelativeFlops, double RelativeTime, double MsPerSample, TimingStats Time);
