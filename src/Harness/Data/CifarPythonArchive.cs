using System.Formats.Tar;
using System.IO.Compression;

namespace EarlyExitBench.Harness.Data;

/// <summary>
/// Turns CIFAR's python archive (the one torchvision downloads: pickled batches of 3,072 planar RGB bytes per image) into
/// the binary batch format <see cref="CifarReader"/> reads: one label byte (CIFAR-100: coarse, then fine) and the same
/// 3,072 bytes per record. The pixels are copied unchanged.
/// </summary>
internal static class CifarPythonArchive
{
    /// <summary>Reads <paramref name="archive"/> (a .tar.gz) and writes the binary batches into <paramref name="folder"/>.</summary>
    public static void Unpack(string archive, string folder, int classes, CancellationToken cancellationToken)
    {
        var (inner, output, batches) = classes == 10
            ? ("cifar-10-batches-py", "cifar-10-batches-bin", new[] { "data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5", "test_batch" })
            : ("cifar-100-python", "cifar-100-binary", new[] { "train", "test" });
        var found = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var file = File.OpenRead(archive))
        using (var gz = new GZipStream(file, CompressionMode.Decompress))
        using (var tar = new TarReader(gz))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = entry.Name.TrimStart('.', '/');
                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is { } data
                    && batches.FirstOrDefault(b => name == $"{inner}/{b}") is { } batch)
                {
                    using var buffer = new MemoryStream();
                    data.CopyTo(buffer);
                    found[batch] = buffer.ToArray();
                }
            }
        }

        var missing = batches.Where(b => !found.ContainsKey(b)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"{archive}: no {string.Join(", ", missing.Select(m => inner + "/" + m))} in the archive (not CIFAR-{classes}'s python version)");
        }

        var target = Directory.CreateDirectory(Path.Combine(folder, output)).FullName;
        foreach (var batch in batches)
        {
            var source = $"{archive}:{inner}/{batch}";
            var (pixels, labels, coarse) = Batch(PickleReader.Read(found[batch], source), source, classes);
            File.WriteAllBytes(Path.Combine(target, batch + ".bin"), Records(pixels, labels, coarse));
        }
    }

    private static (byte[] Pixels, long[] Labels, long[]? Coarse) Batch(object? pickled, string source, int classes)
    {
        if (pickled is not Dictionary<string, object?> batch)
        {
            throw new InvalidDataException($"{source}: not a pickled dict");
        }

        var labels = Ints(batch, classes == 10 ? "labels" : "fine_labels", source);
        var coarse = classes == 10 ? null : Ints(batch, "coarse_labels", source);
        if (!batch.TryGetValue("data", out var data) || data is not PickleObject { State: object?[] state } || state.Length < 5
            || state[1] is not object?[] shape || shape is not [long rows, long columns] || state[4] is not byte[] raw)
        {
            throw new InvalidDataException($"{source}: 'data' is not a pickled numpy array");
        }

        if (state[2] is not PickleObject { Arguments: [byte[] or string, ..] } dtype || Text(dtype.Arguments[0]) != "u1" || state[3] is true)
        {
            throw new InvalidDataException($"{source}: 'data' is not a C-ordered uint8 array");
        }

        if (columns != CifarReader.ImageBytes || rows != labels.Length || raw.LongLength != rows * columns || labels.Any(l => l < 0 || l >= classes))
        {
            throw new InvalidDataException($"{source}: {rows}×{columns} pixels ({raw.LongLength} bytes) for {labels.Length} labels in 0..{classes - 1}; expected one 3,072-byte row per label");
        }

        return (raw, labels, coarse);
    }

    private static long[] Ints(Dictionary<string, object?> batch, string key, string source) =>
        batch.TryGetValue(key, out var value) && value is List<object?> list && list.All(v => v is long)
            ? list.Select(v => (long)v!).ToArray()
            : throw new InvalidDataException($"{source}: no list of integers '{key}'");

    private static string Text(object? value) => value is byte[] b ? System.Text.Encoding.Latin1.GetString(b) : (string)value!;

    private static byte[] Records(byte[] pixels, long[] labels, long[]? coarse)
    {
        var head = coarse is null ? 1 : 2;
        var record = head + CifarReader.ImageBytes;
        var output = new byte[labels.Length * record];
        for (var i = 0; i < labels.Length; i++)
        {
            if (coarse is not null)
            {
                output[i * record] = (byte)coarse[i];
            }

            output[(i * record) + head - 1] = (byte)labels[i];
            Buffer.BlockCopy(pixels, i * CifarReader.ImageBytes, output, (i * record) + head, CifarReader.ImageBytes);
        }

        return output;
    }
}
