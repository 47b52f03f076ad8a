namespace EarlyExitBench.Contracts;

/// <summary>Images as bytes (0–255), NCHW, with their labels.</summary>
/// <param name="Pixels">Row-major pixels: sample, channel, row, column; empty when <see cref="Reader"/> streams them.</param>
/// <param name="Labels">Class of each sample.</param>
/// <param name="Input">Shape of one image and the class count.</param>
/// <param name="Normalization">How pixels become model inputs; null for the harness default (pixel/127.5 − 1).</param>
public sealed record ImageSet(byte[] Pixels, int[] Labels, InputSpec Input, PixelNormalization? Normalization = null)
{
    /// <summary>Number of samples.</summary>
    public int Count => Labels.Length;

    /// <summary>
    /// Reads the images on demand instead of from <see cref="Pixels"/> (which is then empty), so that memory does not grow
    /// with the number of images; null when every image is in <see cref="Pixels"/>.
    /// </summary>
    public IImageReader? Reader { get; init; }

    /// <summary>Copies the images at <paramref name="indices"/> into <paramref name="destination"/>, one after another, from memory or the reader.</summary>
    /// <param name="indices">Sample indices.</param>
    /// <param name="destination">Exactly <c>indices.Length</c> images long.</param>
    public void CopyImages(ReadOnlySpan<int> indices, Span<byte> destination)
    {
        var size = Input.Channels * Input.Height * Input.Width;
        if (destination.Length != indices.Length * size)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes, not {indices.Length} images of {size}", nameof(destination));
        }

        if (Reader is not null)
        {
            Reader.Read(indices, destination);
            return;
        }

        for (var i = 0; i < indices.Length; i++)
        {
            Pixels.AsSpan(indices[i] * size, size).CopyTo(destination.Slice(i * size, size));
        }
    }
}
