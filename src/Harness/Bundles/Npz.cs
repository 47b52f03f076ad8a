using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace EarlyExitBench.Harness.Bundles;

/// <summary>Reads and writes numpy's <c>.npz</c> (a zip of <c>.npy</c> files, format 1.0–3.0).</summary>
public static partial class Npz
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads every array of <paramref name="path"/>, keyed by name without <c>.npy</c>.</summary>
    public static IReadOnlyDictionary<string, NpyArray> Read(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var result = new Dictionary<string, NpyArray>(StringComparer.Ordinal);
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".npy", StringComparison.Ordinal)))
            {
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                var name = entry.FullName[..^4];
                result[name] = ParseNpy(buffer.ToArray(), $"{path}:{name}");
            }

            return result;
        }
        catch (InvalidDataException ex) when (!ex.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: not a valid .npz ({ex.Message})", ex);
        }
    }

    /// <summary>Writes arrays as an uncompressed .npz, in the given order, with fixed timestamps (byte-identical for equal data).</summary>
    public static void Write(string path, IEnumerable<(string Name, NpyArray Array)> arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        var temp = path + ".tmp";
        using (var file = File.Create(temp))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            foreach (var (name, array) in arrays)
            {
                var entry = zip.CreateEntry(name + ".npy", CompressionLevel.NoCompression);
                entry.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                WriteNpy(stream, array);
            }
        }

        File.Move(temp, path, overwrite: true);
    }

    private static NpyArray ParseNpy(byte[] bytes, string name)
    {
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{name}: not an .npy array (bad magic)");
        }

        var major = bytes[6];
        var (headerLength, offset) = major switch
        {
            1 => (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)), 10L),
            2 or 3 when bytes.Length >= 12 => (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)), 12L),
            2 or 3 => throw new InvalidDataException($"{name}: truncated .npy header"),
            _ => throw new InvalidDataException($"{name}: .npy format version {major} is not supported (1, 2 or 3)"),
        };
        if (offset + headerLength > bytes.Length)
        {
            throw new InvalidDataException($"{name}: the .npy header claims {headerLength} bytes but only {bytes.Length - offset} follow (truncated)");
        }

        var header = Encoding.UTF8.GetString(bytes, (int)offset, (int)headerLength);
        var descr = DescrPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !shape.Success)
        {
            throw new InvalidDataException($"{name}: unreadable .npy header '{header.Trim()}'");
        }

        if (header.Contains("'fortran_order': True", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{name}: Fortran-ordered arrays are not supported; save with np.ascontiguousarray");
        }

        var dims = new List<long>();
        foreach (var text in shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(text.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out var dim))
            {
                throw new InvalidDataException($"{name}: shape entry '{text}' in the .npy header is not a size");
            }

            dims.Add(dim);
        }

        var data = bytes[(int)(offset + headerLength)..];
        var array = new NpyArray(descr.Groups[1].Value, [.. dims], data);
        var itemSize = ItemSize(array.Descr);
        // Checked: a forged shape must not wrap around to the data's length.
        var needed = dims.Aggregate(new BigInteger(Math.Max(itemSize, 0)), (a, d) => a * d);
        if (itemSize > 0 && needed != data.LongLength)
        {
            throw new InvalidDataException($"{name}: shape ({string.Join(", ", dims)}) of {array.Descr} needs {needed} bytes, found {data.Length}");
        }

        return array;
    }

    /// <summary>Bytes per element of a dtype descriptor such as <c>&lt;f4</c> or <c>&lt;U12</c> (UTF-32: 4 per char).</summary>
    public static int ItemSize(string descr)
    {
        ArgumentNullException.ThrowIfNull(descr);
        if (descr.Length < 3)
        {
            return 0;
        }

        var kind = descr[1];
        var size = int.TryParse(descr.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        return kind == 'U' ? (size <= int.MaxValue / 4 ? size * 4 : 0) : size;
    }

    private static void WriteNpy(Stream stream, NpyArray array)
    {
        var shape = array.Shape.Length switch
        {
            0 => "()",
            1 => $"({array.Shape[0]},)",
            _ => "(" + string.Join(", ", array.Shape) + ")",
        };
        var header = $"{{'descr': '{array.Descr}', 'fortran_order': False, 'shape': {shape}, }}";
        var total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + ((64 - (total % 64)) % 64)) + "\n";
        stream.Write(Magic);
        stream.Write([1, 0]);
        stream.Write(BitConverter.GetBytes((ushort)header.Length));
        stream.Write(Encoding.ASCII.GetBytes(header));
        stream.Write(array.Data);
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']+)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
