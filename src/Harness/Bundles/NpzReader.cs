using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace EarlyExitBench.Harness.Bundles;

/// <summary>
/// An open <c>.npz</c> whose arrays are streamed straight into their final buffers: the headers are read up front, the
/// data only when asked for, so a 400 MB array costs 400 MB, not a zip buffer, a copy and a cast on top.
/// </summary>
public sealed class NpzReader : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;

    private NpzReader(string path, ZipArchive zip, Dictionary<string, ZipArchiveEntry> entries, Dictionary<string, NpyHeader> headers)
    {
        Path = path;
        _zip = zip;
        _entries = entries;
        Headers = headers;

        // The zip directory already holds a CRC-32 of every array, checked as the arrays are read: a content id for free.
        var identity = new StringBuilder();
        foreach (var (name, entry) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            identity.Append(name).Append('\n').Append(entry.Length).Append('\n').Append(entry.Crc32).Append('\n');
        }

        ContentId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity.ToString())));
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Every array's header, keyed by name without <c>.npy</c>.</summary>
    public IReadOnlyDictionary<string, NpyHeader> Headers { get; }

    /// <summary>SHA-256 of every array's name, size and CRC-32: equal contents give equal ids, without reading the data.</summary>
    public string ContentId { get; }

    /// <summary>Opens <paramref name="path"/> and reads every array's header.</summary>
    /// <param name="path">An .npz file (stored or deflated entries).</param>
    /// <returns>The open reader.</returns>
    public static NpzReader Open(string path)
    {
        ZipArchive? zip = null;
        try
        {
            zip = ZipFile.OpenRead(path);
            var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
            var headers = new Dictionary<string, NpyHeader>(StringComparer.Ordinal);
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".npy", StringComparison.Ordinal)))
            {
                var name = entry.FullName[..^4];
                using var stream = entry.Open();
                var header = Npz.ReadHeader(stream, $"{path}:{name}", out var size);
                if (header.ByteLength >= 0 && entry.Length != size + header.ByteLength)
                {
                    throw new InvalidDataException($"{path}:{name}: shape ({string.Join(", ", header.Shape)}) of {header.Descr} needs {header.ByteLength} bytes, found {entry.Length - size}");
                }

                headers[name] = header;
                entries[name] = entry;
            }

            return new NpzReader(path, zip, entries, headers);
        }
        catch (InvalidDataException ex) when (!ex.Message.StartsWith(path, StringComparison.Ordinal))
        {
            zip?.Dispose();
            throw new InvalidDataException($"{path}: not a valid .npz ({ex.Message})", ex);
        }
        catch
        {
            zip?.Dispose();
            throw;
        }
    }

    /// <summary>A stream positioned at the first byte of an array's data.</summary>
    /// <param name="name">Array name.</param>
    /// <returns>The open stream; dispose it.</returns>
    public Stream OpenData(string name)
    {
        var stream = new Crc32Stream(_entries[name].Open());
        Npz.ReadHeader(stream, $"{Path}:{name}");
        return stream;
    }

    /// <summary>After the whole array was read from <paramref name="stream"/>: throws if its bytes do not match the zip's CRC-32.</summary>
    /// <param name="stream">A stream from <see cref="OpenData"/>, read to the end of the array.</param>
    /// <param name="name">Array name.</param>
    public void CheckRead(Stream stream, string name)
    {
        var entry = _entries[name];
        if (stream is Crc32Stream checkedStream && checkedStream.BytesRead == entry.Length && checkedStream.Crc != entry.Crc32)
        {
            throw new InvalidDataException($"{Path}:{name}: corrupt: its bytes do not match the CRC-32 in the zip directory");
        }
    }

    /// <summary>Reads a whole array into memory (for the small ones).</summary>
    /// <param name="name">Array name.</param>
    /// <returns>The array.</returns>
    public NpyArray ReadArray(string name)
    {
        var header = Headers[name];
        if (header.ByteLength < 0)
        {
            throw new InvalidDataException($"{Path}:{name}: unsupported dtype {header.Descr}");
        }

        if (header.ByteLength > Array.MaxLength)
        {
            throw new InvalidDataException($"{Path}:{name}: shape ({string.Join(", ", header.Shape)}) of {header.Descr} needs {header.ByteLength} bytes, more than the file or one array can hold");
        }

        var data = new byte[header.ByteLength];
        using var stream = OpenData(name);
        ReadExactly(stream, data, name);
        CheckRead(stream, name);
        return new NpyArray(header.Descr, header.Shape, data);
    }

    /// <summary>Fills <paramref name="destination"/> from <paramref name="stream"/>, naming the array if the file ends early.</summary>
    /// <param name="stream">A data stream from <see cref="OpenData"/>.</param>
    /// <param name="destination">Bytes to fill.</param>
    /// <param name="name">Array name, for the error.</param>
    public void ReadExactly(Stream stream, Span<byte> destination, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var read = stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        if (read < destination.Length)
        {
            throw new InvalidDataException($"{Path}:{name}: truncated: the header's shape needs more data than the file holds");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _zip.Dispose();
}
