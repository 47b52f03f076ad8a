namespace EarlyExitBench.Harness.Measurement;

/// <summary>
/// The reference for relative time: the same dynamic-inference code with a threshold no score reaches, so every sample
/// runs every block and head and pays for the online calibrator and scorer at every exit, as cost(K) counts every head.
/// </summary>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="MsPerSample">Median milliseconds per pass divided by the samples in the pass.</param>
/// <param name="Time">Milliseconds per pass over the timed samples.</param>
public sealed record FullNetworkTiming(int BatchSize, double MsPerSample, TimingStats Time);
