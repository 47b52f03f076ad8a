using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Storage;
using Serilog;

namespace EarlyExitBench.Harness.Cells;

/// <summary>
/// Finished cells of one output folder: <c>cells/KEY.json</c> (result, timing and a SHA-256 of both, checked on read)
/// and <c>cells/KEY.npz</c> (the cell's logits). Files are written atomically, the JSON last, so a cell is either
/// finished or absent.
/// </summary>
/// <param name="directory">The output folder (the one holding <c>cells/</c>).</param>
public sealed class CellStore(string directory)
{
    private const int Format = 1;

    /// <summary>The <c>cells/</c> folder.</summary>
    public string Folder { get; } = Path.Combine(directory, "cells");

    /// <summary>Path of the result of <paramref name="key"/>.</summary>
    public string ResultPath(string key) => Path.Combine(Folder, key + ".json");

    /// <summary>Path of the optional full sweeps of <paramref name="key"/> (see <see cref="SweepFile"/>).</summary>
    public string SweepsPath(string key) => Path.Combine(Folder, key + ".sweeps.npz");

    /// <summary>Path of the logits bundle of <paramref name="key"/>.</summary>
    public string BundlePath(string key) => Path.Combine(Folder, key + ".npz");

    /// <summary>Writes a finished cell: its bundle (when there is one), then its result.</summary>
    public void Write(CellResult result, CellTiming timing, LogitsBundle? bundle)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(timing);
        if (bundle is not null)
        {
            AtomicFile.Write(BundlePath(result.Key), temp => BundleFile.Write(temp, bundle));
        }

        var resultText = JsonSerializer.Serialize(result, Json.Options);
        var timingText = JsonSerializer.Serialize(timing, Json.Options);
        var text = $"{{\n  \"format\": {Format},\n  \"sha256\": \"{Hash(resultText, timingText)}\",\n  \"result\": {resultText},\n  \"timing\": {timingText}\n}}\n";
        AtomicFile.WriteAllText(ResultPath(result.Key), text);
    }

    /// <summary>
    /// Reads the result of <paramref name="key"/>: null when absent; when present but corrupt (bad JSON, wrong hash or
    /// key), logs it, removes it and returns null so the cell is recomputed.
    /// </summary>
    public StoredCell? TryRead(string key, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var path = ResultPath(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return Read(path, key);
        }
        catch (InvalidDataException ex)
        {
            logger.Warning("{Path} is unusable ({Message}); removing it and recomputing the cell", path, ex.Message);
            File.Delete(path);
            return null;
        }
    }

    /// <summary>Reads and verifies one cell file; throws <see cref="InvalidDataException"/> naming it when it is corrupt.</summary>
    public static StoredCell Read(string path, string? expectedKey = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllBytes(path), path, expectedKey);
    }

    /// <summary>Parses and verifies one cell file's <paramref name="bytes"/>; <paramref name="path"/> names it in messages.</summary>
    public static StoredCell Parse(byte[] bytes, string path, string? expectedKey = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var resultText = root.GetProperty("result").GetRawText();
            var timingText = root.GetProperty("timing").GetRawText();
            if (root.GetProperty("sha256").GetString() != Hash(resultText, timingText))
            {
                throw new InvalidDataException($"{path}: content does not match its sha256 (edited or corrupt)");
            }

            var result = JsonSerializer.Deserialize<CellResult>(resultText, Json.Options) ?? throw new InvalidDataException($"{path}: empty result");
            var timing = JsonSerializer.Deserialize<CellTiming>(timingText, Json.Options) ?? throw new InvalidDataException($"{path}: empty timing");
            if (expectedKey is not null && result.Key != expectedKey)
            {
                throw new InvalidDataException($"{path}: holds cell {result.Key}, not {expectedKey}");
            }

            return new StoredCell(path, result, timing, resultText);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a cell result ({ex.Message})", ex);
        }
    }

    /// <summary>Every cell file in this folder.</summary>
    public IEnumerable<string> Files() =>
        Directory.Exists(Folder) ? Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal) : [];

    private static string Hash(string result, string timing) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(result + "\n" + timing)));
}
