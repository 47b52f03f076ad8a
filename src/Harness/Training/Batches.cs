using EarlyExitBench.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Training;

/// <summary>Turns byte images into normalised float tensors ((x/255 − 0.5) / 0.5).</summary>
public static class Batches
{
    /// <summary>Images <paramref name="indices"/> of <paramref name="set"/> as [b, C, H, W] on <paramref name="device"/>, and their labels.</summary>
    public static (Tensor Images, Tensor Labels) Make(ImageSet set, ReadOnlySpan<int> indices, Device device)
    {
        ArgumentNullException.ThrowIfNull(set);
        var size = set.Input.Channels * set.Input.Height * set.Input.Width;
        var pixels = new float[indices.Length * size];
        var labels = new long[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            var source = set.Pixels.AsSpan(indices[i] * size, size);
            var target = pixels.AsSpan(i * size, size);
            for (var j = 0; j < size; j++)
            {
                target[j] = (source[j] / 127.5f) - 1f;
            }

            labels[i] = set.Labels[indices[i]];
        }

        var images = tensor(pixels, [indices.Length, set.Input.Channels, set.Input.Height, set.Input.Width]);
        var y = tensor(labels);
        return device.type == DeviceType.CPU ? (images, y) : (images.to(device), y.to(device));
    }
}
