using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Bundles;

/// <summary>Streams a [K, n, C] logits array from an .npz into one float matrix per exit, checking finiteness chunk by chunk.</summary>
internal static class LogitsReader
{
    // Big enough for fast reads, small enough to be checked while still in cache.
    private const int ChunkValues = 1 << 18;

    public static List<ClassMatrix> Read(NpzReader reader, string name, NpyHeader header, CancellationToken cancellationToken = default)
    {
        var (k, n, c) = ((int)header.Shape[0], (int)header.Shape[1], (int)header.Shape[2]);
        if ((long)n * c > Array.MaxLength)
        {
            throw new InvalidDataException($"{reader.Path}: '{name}' has {(long)n * c} values per exit, more than one array can hold");
        }

        var wide = header.Descr == "<f8" ? new double[ChunkValues] : null;
        var exits = new List<ClassMatrix>(k);
        using var stream = reader.OpenData(name);
        for (var e = 0; e < k; e++)
        {
            var values = GC.AllocateUninitializedArray<float>(n * c);
            for (var start = 0; start < values.Length; start += ChunkValues)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var chunk = values.AsSpan(start, Math.Min(ChunkValues, values.Length - start));
                if (wide is null)
                {
                    reader.ReadExactly(stream, MemoryMarshal.AsBytes(chunk), name);
                }
                else
                {
                    var source = wide.AsSpan(0, chunk.Length);
                    reader.ReadExactly(stream, MemoryMarshal.AsBytes(source), name);
                    TensorPrimitives.ConvertTruncating<double, float>(source, chunk);
                }

                if (!TensorPrimitives.IsFiniteAll<float>(chunk))
                {
                    var bad = start + chunk.IndexOfAnyExceptInRange(float.MinValue, float.MaxValue);
                    throw new InvalidDataException($"{reader.Path}: '{name}'[{e}, {bad / c}, {bad % c}] is {values[bad].ToString(System.Globalization.CultureInfo.InvariantCulture)} (exit {e + 1}, sample index {bad / c}, class {bad % c}); logits must be finite");
                }
            }

            exits.Add(new ClassMatrix(values, n, c));
        }

        reader.CheckRead(stream, name);
        return exits;
    }
}
