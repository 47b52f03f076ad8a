namespace EarlyExitBench.Harness.Data;

/// <summary>Reads CIFAR-10/100 in their binary batch format (label byte(s) then 3×32×32 pixels per record).</summary>
public static class CifarReader
{
    /// <summary>Bytes of one image: 3 channels of 32×32.</summary>
    public const int ImageBytes = 3 * 32 * 32;

    /// <summary>Reads and concatenates <paramref name="files"/>; <paramref name="labelBytes"/> is 1 (CIFAR-10) or 2 (CIFAR-100: coarse, fine; fine is used).</summary>
    public static (byte[] Pixels, int[] Labels) Read(IReadOnlyList<string> files, int labelBytes, int classes)
    {
        ArgumentNullException.ThrowIfNull(files);
        var record = labelBytes + ImageBytes;
        var pixels = new List<byte[]>();
        var labels = new List<int>();
        foreach (var path in files)
        {
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"{path}: file not found");
            }

            var bytes = File.ReadAllBytes(path);
            if (bytes.Length == 0 || bytes.Length % record != 0)
            {
                throw new InvalidDataException($"{path}: {bytes.Length} bytes is not a whole number of {record}-byte records (truncated or not a CIFAR binary batch)");
            }

            var count = bytes.Length / record;
            var chunk = new byte[count * ImageBytes];
            for (var i = 0; i < count; i++)
            {
                var label = bytes[(i * record) + labelBytes - 1];
                if (label >= classes)
                {
                    throw new InvalidDataException($"{path}: label {label} of record {i} is outside 0..{classes - 1}");
                }

                labels.Add(label);
                Buffer.BlockCopy(bytes, (i * record) + labelBytes, chunk, i * ImageBytes, ImageBytes);
            }

            pixels.Add(chunk);
        }

        return (pixels.SelectMany(p => p).ToArray(), labels.ToArray());
    }
}
