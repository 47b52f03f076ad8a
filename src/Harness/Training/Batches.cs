using EarlyExitBench.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Training;

/// <summary>Turns byte images into normalised float tensors: the set's <see cref="PixelNormalization"/>, by default (x/255 − 0.5) / 0.5.</summary>
public static class Batches
{
    /// <summary>Images <paramref name="indices"/> of <paramref name="set"/> as [b, C, H, W] on <paramref name="device"/>, and their labels.</summary>
    public static (Tensor Images, Tensor Labels) Make(ImageSet set, ReadOnlySpan<int> indices, Device device)
    {
        ArgumentNullException.ThrowIfNull(set);
        var size = set.Input.Channels * set.Input.Height * set.Input.Width;
        var pixels = new byte[indices.Length * size];
        var labels = new long[indices.Length];
        set.CopyImages(indices, pixels); // from memory, or decoded now for a streamed set
        for (var i = 0; i < indices.Length; i++)
        {
            labels[i] = set.Labels[indices[i]];
        }

        // Normalise in libtorch: the same float32 ops as a managed loop (x / 127.5 − 1), ~15× faster.
        using var raw = tensor(pixels, [indices.Length, set.Input.Channels, set.Input.Height, set.Input.Width]);
        var images = set.Normalization is { } n ? Normalize(raw, n) : raw.to(ScalarType.Float32).div_(127.5f).sub_(1f);
        var y = tensor(labels);
        return device.type == DeviceType.CPU ? (images, y) : (images.to(device), y.to(device));
    }

    private static Tensor Normalize(Tensor raw, PixelNormalization normalization)
    {
        var channels = raw.shape[1];
        if (normalization.Mean.Count != channels || normalization.Std.Count != channels)
        {
            throw new ArgumentException($"normalisation has {normalization.Mean.Count} means and {normalization.Std.Count} standard deviations for {channels} channels");
        }

        using var mean = tensor(normalization.Mean.Select(m => (float)m).ToArray(), [1, channels, 1, 1]);
        using var std = tensor(normalization.Std.Select(s => (float)s).ToArray(), [1, channels, 1, 1]);
        return raw.to(ScalarType.Float32).div_(255f).sub_(mean).div_(std);
    }
}
