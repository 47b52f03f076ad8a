using SkiaSharp;

namespace EarlyExitBench.Harness.Data;

/// <summary>Decodes one JPEG or PNG with SkiaSharp, resizes and center-crops it like torchvision's Resize + CenterCrop.</summary>
internal static class ImageDecoder
{
    /// <summary>
    /// Writes the image at <paramref name="path"/> into <paramref name="destination"/> as channels×crop×crop bytes (planar,
    /// row-major): the shorter side resized to <paramref name="resize"/> (bilinear, the longer side truncated as torchvision
    /// does), then the central crop×crop window (offsets rounded half to even, as Python's round).
    /// </summary>
    public static void ResizeCropInto(string path, int resize, int crop, int channels, Span<byte> destination)
    {
        using var decoded = SKBitmap.Decode(path) ?? throw new InvalidDataException($"{path}: not a decodable JPEG or PNG image");
        var (w, h) = (decoded.Width, decoded.Height);
        var (rw, rh) = w <= h ? (resize, (int)((long)resize * h / w)) : ((int)((long)resize * w / h), resize);
        using var resized = decoded.Resize(new SKImageInfo(rw, rh, SKColorType.Rgba8888, SKAlphaType.Unpremul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None))
            ?? throw new InvalidDataException($"{path}: could not be resized to {rw}×{rh}");
        var top = (int)Math.Round((rh - crop) / 2.0, MidpointRounding.ToEven);
        var left = (int)Math.Round((rw - crop) / 2.0, MidpointRounding.ToEven);
        var rgba = resized.GetPixelSpan();
        var plane = crop * crop;
        for (var y = 0; y < crop; y++)
        {
            var row = (top + y) * resized.RowBytes;
            for (var x = 0; x < crop; x++)
            {
                var p = row + ((left + x) * 4);
                var at = (y * crop) + x;
                if (channels == 1)
                {
                    destination[at] = (byte)Math.Round((0.299 * rgba[p]) + (0.587 * rgba[p + 1]) + (0.114 * rgba[p + 2]));
                }
                else
                {
                    destination[at] = rgba[p];
                    destination[plane + at] = rgba[p + 1];
                    destination[(2 * plane) + at] = rgba[p + 2];
                }
            }
        }
    }
}
