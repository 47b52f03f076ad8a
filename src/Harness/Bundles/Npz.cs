using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
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
        using var reader = NpzReader.Open(path);
        return reader.Headers.Keys.ToDictionary(name => name, reader.ReadArray, StringComparer.Ordinal);
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

    /// <summary>Reads an .npy header from <paramref name="stream"/>, leaving it at the first byte of data.</summary>
    /// <param name="stream">The array's stream, at its start.</param>
    /// <param name="name">File and array, for errors.</param>
    /// <returns>The header.</returns>
    public static NpyHeader ReadHeader(Stream stream, string name) => ReadHeader(stream, name, out _);

    /// <summary>Reads an .npy header; <paramref name="size"/> is the header's length in bytes, magic included.</summary>
    internal static NpyHeader ReadHeader(Stream stream, string name, out int size)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> prefix = stackalloc byte[12];
        if (stream.ReadAtLeast(prefix[..10], 10, throwOnEndOfStream: false) < 10 || !prefix[..6].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{name}: not an .npy array (bad magic)");
        }

        int headerLength, offset;
        var major = prefix[6];
        if (major == 1)
        {
            headerLength = BitConverter.ToUInt16(prefix[8..10]);
            offset = 10;
        }
        else if (major is 2 or 3)
        {
            if (stream.ReadAtLeast(prefix[10..12], 2, throwOnEndOfStream: false) < 2)
            {
                throw new InvalidDataException($"{name}: truncated .npy header");
            }

            headerLength = (int)BitConverter.ToUInt32(prefix[8..12]);
            offset = 12;
        }
        else
        {
            throw new InvalidDataException($"{name}: .npy format version {major} is not supported (1, 2 or 3)");
        }

        if (headerLength < 0 || headerLength > 1 << 20)
        {
            throw new InvalidDataException($"{name}: the .npy header claims {(uint)headerLength} bytes (corrupt or truncated)");
        }

        var bytes = new byte[headerLength];
        if (stream.ReadAtLeast(bytes, headerLength, throwOnEndOfStream: false) < headerLength)
        {
            throw new InvalidDataException($"{name}: the .npy header claims {headerLength} bytes but fewer follow (truncated)");
        }

        var header = Encoding.UTF8.GetString(bytes);
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

        size = offset + headerLength;
        return new NpyHeader(descr.Groups[1].Value, [.. dims]);
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
