namespace EarlyExitBench.Harness.Results;

/// <summary>Wall-clock time of one operation over the timed repeats.</summary>
/// <param name="MedianMs">Median milliseconds per operation.</param>
/// <param name="Q1Ms">First quartile.</param>
/// <param name="Q3Ms">Third quartile.</param>
/// <param name="IqrMs">Q3 − Q1.</param>
/// <param name="RelativeIqr">IQR / median.</param>
/// <param name="Repeats">Timed repeats.</param>
/// <param name="OperationsPerRepeat">Operations per repeat.</param>
/// <param name="Converged">Whether the relative IQR reached its target.</param>
public sealed record TimingStats(double MedianMs, double Q1Ms, double Q3Ms, double IqrMs, double RelativeIqr, int Repeats, int OperationsPerRepeat, bool Converged);
