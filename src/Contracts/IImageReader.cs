namespace EarlyExitBench.Contracts;

/// <summary>
/// Images read on demand instead of held in memory (a streamed <see cref="ImageSet"/>, e.g. an ImageNet-size folder):
/// decodes the requested samples when a batch needs them.
/// </summary>
public interface IImageReader
{
    /// <summary>
    /// Writes the images at <paramref name="indices"/> into <paramref name="destination"/>, one after another, each
    /// channels × height × width bytes as <see cref="ImageSet.Pixels"/> would hold them; the same index always gives the
    /// same bytes.
    /// </summary>
    /// <param name="indices">Sample indices, in the order wanted.</param>
    /// <param name="destination">Exactly <c>indices.Length</c> images long.</param>
    void Read(ReadOnlySpan<int> indices, Span<byte> destination);
}
