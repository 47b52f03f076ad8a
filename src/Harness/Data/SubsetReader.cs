using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Data;

/// <summary>A streamed set's subset: sample i of the subset is sample <c>indices[i]</c> of <paramref name="inner"/>.</summary>
internal sealed class SubsetReader(IImageReader inner, int[] indices) : IImageReader
{
    /// <inheritdoc />
    public void Read(ReadOnlySpan<int> wanted, Span<byte> destination)
    {
        var mapped = new int[wanted.Length];
        for (var i = 0; i < wanted.Length; i++)
        {
            mapped[i] = indices[wanted[i]];
        }

        inner.Read(mapped, destination);
    }
}
