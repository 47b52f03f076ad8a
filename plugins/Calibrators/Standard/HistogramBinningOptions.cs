namespace EarlyExitBench.Calibrators.Standard;

/// <summary>Suite options of <c>histogram</c>.</summary>
public sealed class HistogramBinningOptions
{
    /// <summary>Number of equal-width confidence bins over [0, 1].</summary>
    public int Bins { get; set; } = 15;
}
