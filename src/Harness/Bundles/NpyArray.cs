namespace EarlyExitBench.Harness.Bundles;

/// <summary>One array of an .npz: its dtype descriptor, shape and raw little-endian data.</summary>
/// <param name="Descr">numpy dtype string, e.g. <c>&lt;f4</c>.</param>
/// <param name="Shape">Dimensions (empty for a scalar).</param>
/// <param name="Data">Raw bytes, C order.</param>
public sealed record NpyArray(string Descr, long[] Shape, byte[] Data)
{
    /// <summary>Number of elements.</summary>
    public long Count => Shape.Aggregate(1L, (a, b) => a * b);
}
