using System.Buffers.Binary;
using System.IO.Compression;

namespace EarlyExitBench.Harness.Data;

/// <summary>Reads the IDX files of the MNIST family (optionally gzipped) with checks that name the file and the problem.</summary>
public static class IdxReader
{
    private const int ImagesMagic = 0x00000803;
    private const int LabelsMagic = 0x00000801;

    /// <summary>Reads an idx3 image file: (pixels, count, rows, columns).</summary>
    public static (byte[] Pixels, int Count, int Rows, int Columns) ReadImages(string path)
    {
        var bytes = ReadAll(path);
        Require(bytes.Length >= 16, path, $"file is {bytes.Length} bytes, shorter than the 16-byte IDX image header");
        var magic = BinaryPrimitives.ReadInt32BigEndian(bytes);
        Require(magic == ImagesMagic, path, $"magic number 0x{magic:X8} is not 0x{ImagesMagic:X8} (unsigned byte, 3 dimensions): not an IDX image file");
        var count = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4));
        var rows = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8));
        var columns = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(12));
        Require(count > 0 && rows > 0 && columns > 0 && rows <= 4096 && columns <= 4096, path, $"implausible dimensions {count}×{rows}×{columns}");
        var expected = 16L + ((long)count * rows * columns);
        Require(bytes.Length == expected, path, bytes.Length < expected
            ? $"truncated: header promises {count} images of {rows}×{columns} ({expected} bytes) but the file has {bytes.Length}"
            : $"{bytes.Length - expected} unexpected trailing bytes after {count} images of {rows}×{columns}");
        return (bytes[16..], count, rows, columns);
    }

    /// <summary>Reads an idx1 label file, checking every label is below <paramref name="classes"/>.</summary>
    public static int[] ReadLabels(string path, int classes)
    {
        var bytes = ReadAll(path);
        Require(bytes.Length >= 8, path, $"file is {bytes.Length} bytes, shorter than the 8-byte IDX label header");
        var magic = BinaryPrimitives.ReadInt32BigEndian(bytes);
        Require(magic == LabelsMagic, path, $"magic number 0x{magic:X8} is not 0x{LabelsMagic:X8} (unsigned byte, 1 dimension): not an IDX label file");
        var count = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4));
        Require(count > 0, path, $"implausible label count {count}");
        Require(bytes.Length == 8L + count, path, bytes.Length < 8L + count
            ? $"truncated: header promises {count} labels but the file has {bytes.Length - 8}"
            : $"{bytes.Length - 8 - count} unexpected trailing bytes after {count} labels");
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = bytes[8 + i];
            Require(labels[i] < classes, path, $"label {labels[i]} at index {i} is outside 0..{classes - 1}");
        }

        return labels;
    }

    /// <summary>Finds <paramref name="stem"/> in <paramref name="directory"/> as stem, stem.gz, or with '.' instead of the last '-'.</summary>
    public static string Locate(string directory, string stem)
    {
        var dotted = stem[..stem.LastIndexOf('-')] + "." + stem[(stem.LastIndexOf('-') + 1)..];
        foreach (var name in new[] { stem + ".gz", stem, dotted + ".gz", dotted })
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidDataException($"{Path.Combine(directory, stem)}[.gz]: file not found");
    }

    private static byte[] ReadAll(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            var gz = file.Length >= 2 && file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
            file.Position = 0;
            using var input = gz ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
            using var buffer = new MemoryStream();
            input.CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw new InvalidDataException($"{path}: cannot read ({ex.Message})", ex);
        }
    }

    private static void Require(bool condition, string path, string message)
    {
        if (!condition)
        {
            throw new InvalidDataException($"{path}: {message}");
        }
    }
}
