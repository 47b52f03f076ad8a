using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Training;

/// <summary>
/// The CIFAR recipe's augmentation on byte images: pad 4 pixels of zeros, crop back at a random offset, flip
/// horizontally with probability ½. Offsets come from a <see cref="Random"/> seeded by (seed, epoch), so an epoch
/// replays identically after a resume.
/// </summary>
public static class Augmentation
{
    /// <summary>Padding on each side.</summary>
    public const int Padding = 4;

    /// <summary>The random source of one epoch.</summary>
    public static Random ForEpoch(int seed, int epoch) => new(unchecked((seed * 1_000_003) + epoch + 0x5EED));

    /// <summary>A copy of the images at <paramref name="indices"/>, each cropped and maybe flipped, drawing from <paramref name="random"/>.</summary>
    public static ImageSet CropFlip(ImageSet set, ReadOnlySpan<int> indices, Random random)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(random);
        var (channels, height, width) = (set.Input.Channels, set.Input.Height, set.Input.Width);
        var size = channels * height * width;
        var pixels = new byte[indices.Length * size];
        var labels = new int[indices.Length];
        var originals = new byte[indices.Length * size];
        set.CopyImages(indices, originals); // from memory, or decoded now for a streamed set
        for (var i = 0; i < indices.Length; i++)
        {
            var dy = random.Next(-Padding, Padding + 1);
            var dx = random.Next(-Padding, Padding + 1);
            var flip = random.Next(2) == 1;
            labels[i] = set.Labels[indices[i]];
            var source = i * size;
            var target = i * size;
            for (var c = 0; c < channels; c++)
            {
                for (var y = 0; y < height; y++)
                {
                    var sy = y + dy;
                    if (sy < 0 || sy >= height)
                    {
                        continue;
                    }

                    for (var x = 0; x < width; x++)
                    {
                        var sx = (flip ? width - 1 - x : x) + dx;
                        if (sx >= 0 && sx < width)
                        {
                            pixels[target + (((c * height) + y) * width) + x] = originals[source + (((c * height) + sy) * width) + sx];
                        }
                    }
                }
            }
        }

        return set with { Pixels = pixels, Labels = labels, Reader = null }; // keeps the set's normalisation
    }
}
