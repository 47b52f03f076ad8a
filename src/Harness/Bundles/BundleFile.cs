using System.Runtime.InteropServices;
using System.Text;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Bundles;

/// <summary>
/// The logits-bundle file: a plain numpy <c>.npz</c> with <c>val_logits</c> float32 [K, n_val, C],
/// <c>val_labels</c> int64 [n_val], <c>test_logits</c> float32 [K, n_test, C], <c>test_labels</c> int64 [n_test],
/// <c>exit_cost</c> float64 [K] and optional <c>dataset</c>, <c>architecture</c> strings.
/// </summary>
public static class BundleFile
{
    /// <summary>
    /// Reads and checks a bundle; every problem names the array. Logits are streamed from the file straight into one
    /// array per exit, checked for NaN and ∞ while still in cache and against the zip's CRC-32: the only copy is the one
    /// the evaluation reads. The validation and test logits are separate entries, read through their own handles on two
    /// threads at once; when both are bad, the validation array's error is the one reported, as in a read in file order.
    /// </summary>
    /// <param name="path">The .npz file.</param>
    /// <param name="cancellationToken">Stops the read between chunks.</param>
    public static LogitsBundle Read(string path, CancellationToken cancellationToken = default) => Named(path, () =>
    {
        using var reader = Open(path);
        var summary = Summarise(reader);
        using var stopTest = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var test = Task.Run(() => Named(path, () =>
        {
            using var own = Open(path);
            return LogitsReader.Read(own, "test_logits", own.Headers["test_logits"], stopTest.Token);
        }));
        List<ClassMatrix> validation;
        try
        {
            validation = LogitsReader.Read(reader, "val_logits", reader.Headers["val_logits"], cancellationToken);
        }
        catch
        {
            // Not left running, holding its file open and hundreds of MB, after this read has failed.
            stopTest.Cancel();
            ((IAsyncResult)test).AsyncWaitHandle.WaitOne();
            throw;
        }

        return new LogitsBundle(
            validation,
            summary.ValidationLabels,
            test.GetAwaiter().GetResult(),
            summary.TestLabels,
            summary.ExitCost,
            summary.Dataset,
            summary.Architecture);
    });

    /// <summary>
    /// Everything but the logits: shapes, labels, costs and names, all checked as by <see cref="Read"/>, and a content id.
    /// Cheap whatever the bundle's size, so a plan can be made before the logits are read.
    /// </summary>
    public static BundleSummary ReadSummary(string path) => Named(path, () =>
    {
        using var reader = Open(path);
        return Summarise(reader);
    });

    /// <summary>Every failure to read names the file: a corrupt deflate stream, say, reports none of its own.</summary>
    private static T Named<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException ex) when (!ex.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: not a valid .npz ({ex.Message})", ex);
        }
        catch (IOException ex) when (ex is not (FileNotFoundException or DirectoryNotFoundException))
        {
            throw new InvalidDataException($"{path}: unreadable ({ex.Message})", ex);
        }
    }

    private static NpzReader Open(string path) => File.Exists(path)
        ? NpzReader.Open(path)
        : throw new InvalidDataException($"{path}: bundle file not found");

    private static BundleSummary Summarise(NpzReader reader)
    {
        var path = reader.Path;
        var arrays = reader.Headers;
        NpyHeader Need(string name) => arrays.TryGetValue(name, out var a)
            ? a
            : throw new InvalidDataException($"{path}: array '{name}' is missing (found: {string.Join(", ", arrays.Keys.Order(StringComparer.Ordinal))})");

        var valLogits = Need("val_logits");
        var testLogits = Need("test_logits");
        Need("val_labels");
        Need("test_labels");
        var cost = Need("exit_cost");
        foreach (var (name, array) in new[] { ("val_logits", valLogits), ("test_logits", testLogits) })
        {
            if (array.Shape.Length != 3 || array.Shape.Any(d => d <= 0))
            {
                throw new InvalidDataException($"{path}: '{name}' must have shape [K, n, C] with K, n, C > 0, got [{string.Join(", ", array.Shape)}]");
            }

            if (array.Descr is not ("<f4" or "<f8"))
            {
                throw new InvalidDataException($"{path}: '{name}' must be float32 (or float64), got dtype {array.Descr}");
            }
        }

        foreach (var (name, array) in new[] { ("val_logits", valLogits), ("test_logits", testLogits) })
        {
            // One float array per exit: n·C values, and K of them.
            if (array.Shape.Any(d => d > int.MaxValue) || array.Shape[1] * array.Shape[2] > Array.MaxLength)
            {
                throw new InvalidDataException($"{path}: '{name}' of shape [{string.Join(", ", array.Shape)}] is too large: at most {Array.MaxLength} values per exit");
            }
        }

        var (k, c) = (testLogits.Shape[0], testLogits.Shape[2]);
        if (valLogits.Shape[0] != k || valLogits.Shape[2] != c)
        {
            throw new InvalidDataException($"{path}: 'val_logits' is [{string.Join(", ", valLogits.Shape)}] but 'test_logits' is [{string.Join(", ", testLogits.Shape)}]: K and C must match");
        }

        if (cost.Shape.Length != 1 || cost.Shape[0] != k)
        {
            throw new InvalidDataException($"{path}: 'exit_cost' must have shape [{k}] (one cumulative cost per exit), got [{string.Join(", ", cost.Shape)}]");
        }

        var costs = ToDoubles(reader.ReadArray("exit_cost"), path, "exit_cost");
        for (var i = 0; i < costs.Length; i++)
        {
            if (!(costs[i] > 0) || !double.IsFinite(costs[i]) || (i > 0 && costs[i] < costs[i - 1]))
            {
                throw new InvalidDataException($"{path}: 'exit_cost' must be positive, finite and non-decreasing (cumulative), got [{string.Join(", ", costs)}]");
            }
        }

        return new BundleSummary(
            arrays.ContainsKey("dataset") ? ToText(reader.ReadArray("dataset")) : Path.GetFileNameWithoutExtension(path),
            arrays.ContainsKey("architecture") ? ToText(reader.ReadArray("architecture")) : "bundle",
            (int)k,
            (int)c,
            Labels(reader.ReadArray("val_labels"), valLogits.Shape[1], (int)c, path, "val_labels"),
            Labels(reader.ReadArray("test_labels"), testLogits.Shape[1], (int)c, path, "test_labels"),
            costs,
            reader.ContentId);
    }

    /// <summary>Writes <paramref name="bundle"/> so numpy's <c>np.load</c> reads it.</summary>
    public static void Write(string path, LogitsBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        Npz.Write(path,
        [
            ("val_logits", Logits(bundle.ValidationLogits)),
            ("val_labels", new NpyArray("<i8", [bundle.ValidationLabels.Length], MemoryMarshal.AsBytes(bundle.ValidationLabels.Select(l => (long)l).ToArray().AsSpan()).ToArray())),
            ("test_logits", Logits(bundle.TestLogits)),
            ("test_labels", new NpyArray("<i8", [bundle.TestLabels.Length], MemoryMarshal.AsBytes(bundle.TestLabels.Select(l => (long)l).ToArray().AsSpan()).ToArray())),
            ("exit_cost", new NpyArray("<f8", [bundle.ExitCost.Length], MemoryMarshal.AsBytes(bundle.ExitCost.AsSpan()).ToArray())),
            ("dataset", Text(bundle.Dataset)),
            ("architecture", Text(bundle.Architecture)),
        ]);
    }

    private static NpyArray Logits(IReadOnlyList<ClassMatrix> exits)
    {
        var rows = exits[0].Rows;
        var columns = exits[0].Columns;
        var data = new byte[exits.Count * rows * columns * 4];
        for (var k = 0; k < exits.Count; k++)
        {
            MemoryMarshal.AsBytes(exits[k].Values).CopyTo(data.AsSpan(k * rows * columns * 4));
        }

        return new NpyArray("<f4", [exits.Count, rows, columns], data);
    }

    private static NpyArray Text(string value)
    {
        var utf32 = Encoding.UTF32.GetBytes(value);
        return new NpyArray($"<U{Math.Max(1, value.Length)}", [], utf32.Length == 0 ? new byte[4] : utf32);
    }

    private static string ToText(NpyArray array) => (array.Descr.Length > 1 ? array.Descr[1] : '?') switch
    {
        'U' => Encoding.UTF32.GetString(array.Data).TrimEnd('\0'),
        'S' => Encoding.ASCII.GetString(array.Data).TrimEnd('\0'),
        _ => string.Empty,
    };

    private static int[] Labels(NpyArray array, long expected, int classes, string path, string name)
    {
        if (array.Shape.Length != 1 || array.Shape[0] != expected)
        {
            throw new InvalidDataException($"{path}: '{name}' must have shape [{expected}] to match the logits, got [{string.Join(", ", array.Shape)}]");
        }

        var labels = new int[expected];
        for (var i = 0; i < labels.Length; i++)
        {
            long value = array.Descr switch
            {
                "<i8" => MemoryMarshal.Cast<byte, long>(array.Data)[i],
                "<i4" => MemoryMarshal.Cast<byte, int>(array.Data)[i],
                "|u1" => array.Data[i],
                "|i1" => (sbyte)array.Data[i],
                _ => throw new InvalidDataException($"{path}: '{name}' must be int64 (or int32), got dtype {array.Descr}"),
            };
            if (value < 0 || value >= classes)
            {
                throw new InvalidDataException($"{path}: '{name}'[{i}] = {value} is outside 0..{classes - 1} (C = {classes} from the logits)");
            }

            labels[i] = (int)value;
        }

        return labels;
    }

    private static double[] ToDoubles(NpyArray array, string path, string name) => array.Descr switch
    {
        "<f8" => MemoryMarshal.Cast<byte, double>(array.Data).ToArray(),
        "<f4" => MemoryMarshal.Cast<byte, float>(array.Data).ToArray().Select(v => (double)v).ToArray(),
        "<i8" => MemoryMarshal.Cast<byte, long>(array.Data).ToArray().Select(v => (double)v).ToArray(),
        _ => throw new InvalidDataException($"{path}: '{name}' must be float64, got dtype {array.Descr}"),
    };
}
