using System.Buffers.Binary;
using System.IO.Compression;

namespace EarlyExitBench.Tests.Support;

/// <summary>
/// Writes small datasets in the MNIST IDX format: class c is a bright 8×8 square at a class-specific
/// place on noise, so a tiny CNN can learn it in one epoch.
/// </summary>
internal static class SyntheticIdx
{
    public static string Write(string directory, int train, int test, int seed = 7, bool gzip = true, int classes = 10)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(seed);
        WritePair(directory, "train", train, random, gzip, classes);
        WritePair(directory, "t10k", test, random, gzip, classes);
        return directory;
    }

    public static byte[] ImagesFile(byte[] pixels, int count, int rows = 28, int columns = 28)
    {
        var bytes = new byte[16 + pixels.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 0x803);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), columns);
        pixels.CopyTo(bytes, 16);
        return bytes;
    }

    public static byte[] LabelsFile(byte[] labels)
    {
        var bytes = new byte[8 + labels.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 0x801);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), labels.Length);
        labels.CopyTo(bytes, 8);
        return bytes;
    }

    public static void Save(string path, byte[] bytes, bool gzip)
    {
        if (!gzip)
        {
            File.WriteAllBytes(path, bytes);
            return;
        }

        using var file = File.Create(path + ".gz");
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        gz.Write(bytes);
    }

    private static void WritePair(string directory, string prefix, int count, Random random, bool gzip, int classes)
    {
        var pixels = new byte[count * 784];
        var labels = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var label = random.Next(classes);
            labels[i] = (byte)label;
            var image = pixels.AsSpan(i * 784, 784);
            for (var p = 0; p < 784; p++)
            {
                image[p] = (byte)random.Next(0, 60);
            }

            var (top, left) = (2 + (label / 4 * 8), 2 + (label % 4 * 6));
            for (var r = top; r < top + 8; r++)
            {
                for (var c = left; c < left + 8; c++)
                {
                    image[(r * 28) + c] = (byte)random.Next(180, 256);
                }
            }
        }

        Save(Path.Combine(directory, $"{prefix}-images-idx3-ubyte"), ImagesFile(pixels, count), gzip);
        Save(Path.Combine(directory, $"{prefix}-labels-idx1-ubyte"), LabelsFile(labels), gzip);
    }
}
