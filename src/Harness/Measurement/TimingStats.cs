namespace EarlyExitBench.Harness.Measurement;

/// <summary>Wall-clock time of one operation over the timed repeats (after warm-up).</summary>
/// <param name="MedianMs">Median milliseconds per operation.</param>
/// <param name="Q1Ms">First quartile (linear interpolation between order statistics).</param>
/// <param name="Q3Ms">Third quartile.</param>
/// <param name="IqrMs">Q3 − Q1.</param>
/// <param name="RelativeIqr">IQR / median; the stopping criterion.</param>
/// <param name="Repeats">Timed repeats.</param>
/// <param name="OperationsPerRepeat">Operations run back to back in each repeat, so a repeat is long enough to time.</param>
/// <param name="Converged">Whether the relative IQR reached the target before the time cap or the repeat limit.</param>
public sealed record TimingStats(double MedianMs, double Q1Ms, double Q3Ms, double IqrMs, double RelativeIqr, int Repeats, int OperationsPerRepeat, bool Converged);
