namespace EarlyExitBench.Harness.Results;

/// <summary>One exit's reliability diagram over the equal-width confidence bins of ECE (bin m of M holds (m−1)/M &lt; conf ≤ m/M).</summary>
/// <param name="Exit">Exit number, from 1.</param>
/// <param name="Counts">Test predictions per bin, summed over seeds.</param>
/// <param name="Confidence">Mean confidence per bin; null for an empty bin.</param>
/// <param name="Accuracy">Accuracy per bin; null for an empty bin.</param>
public sealed record ReliabilityBins(int Exit, int[] Counts, double?[] Confidence, double?[] Accuracy);
