using System.Runtime.ExceptionServices;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Data;

/// <summary>
/// A streamed image folder: decodes, resizes and crops the requested files when a batch asks for them, in parallel, with
/// the same <see cref="ImageDecoder"/> the in-memory path uses, so a streamed set's bytes equal the in-memory set's.
/// Memory holds the file list and the batches in flight, not the images.
/// </summary>
internal sealed class ImageFolderReader(IReadOnlyList<string> files, int resize, int crop, int channels) : IImageReader
{
    private readonly int _size = channels * crop * crop;

    /// <inheritdoc />
    public void Read(ReadOnlySpan<int> indices, Span<byte> destination)
    {
        var wanted = indices.ToArray();
        var buffer = new byte[wanted.Length * _size];
        try
        {
            Parallel.For(0, wanted.Length, i => ImageDecoder.ResizeCropInto(files[wanted[i]], resize, crop, channels, buffer.AsSpan(i * _size, _size)));
        }
        catch (AggregateException ex) when (ex.InnerExceptions[0] is InvalidDataException bad)
        {
            ExceptionDispatchInfo.Capture(bad).Throw(); // one bad file, named, rather than a wrapper
        }

        buffer.CopyTo(destination);
    }
}
