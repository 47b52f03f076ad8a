namespace EarlyExitBench.Harness.Bundles;

/// <summary>The header of one <c>.npy</c> array: dtype descriptor and shape (C order).</summary>
/// <param name="Descr">numpy dtype string, e.g. <c>&lt;f4</c>.</param>
/// <param name="Shape">Dimensions (empty for a scalar).</param>
public sealed record NpyHeader(string Descr, long[] Shape)
{
    /// <summary>Number of elements.</summary>
    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>Bytes of data after the header, or −1 for a dtype of unknown size.</summary>
    public long ByteLength
    {
        get
        {
            // Checked in arbitrary precision: a forged shape must not wrap around to a small, plausible length.
            var size = Npz.ItemSize(Descr);
            var total = Shape.Aggregate(new System.Numerics.BigInteger(size), (a, d) => a * d);
            return size <= 0 ? -1 : total > long.MaxValue ? long.MaxValue : (long)total;
        }
    }
}
