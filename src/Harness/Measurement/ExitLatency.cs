namespace EarlyExitBench.Harness.Measurement;

/// <summary>Cumulative latency to reach one exit: backbone blocks and every head 0..k on one batch, no early exit.</summary>
/// <param name="Exit">One-based exit index, as in the leaderboard's exits.</param>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="RelativeFlops">cost(k) / cost(K), from the architecture's analytic costs.</param>
/// <param name="RelativeTime">Median time to this exit / median time to the last exit, same batch size.</param>
/// <param name="MsPerSample">Median milliseconds per batch divided by the batch size.</param>
/// <param name="Time">Milliseconds per batch.</param>
public sealed record ExitLatency(int Exit, int BatchSize, double RelativeFlops, double RelativeTime, double MsPerSample, TimingStats Time);
