namespace EarlyExitBench.Harness.Results;

/// <summary>The reference for relative time: every sample runs every block and head.</summary>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="MsPerSample">Milliseconds per pass over the samples in the pass.</param>
/// <param name="Time">Milliseconds per pass.</param>
public sealed record FullNetworkTiming(int BatchSize, double MsPerSample, TimingStats Time);
