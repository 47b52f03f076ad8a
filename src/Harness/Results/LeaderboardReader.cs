using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EarlyExitBench.Harness.Storage;

namespace EarlyExitBench.Harness.Results;

/// <summary>
/// The one reader of the published format, used by <c>report</c>, <c>compare</c> and <c>claims</c> alike, so the same file
/// gets the same answer from each. Strict: a key given twice, an unknown key, a number that is not finite, a string where
/// the format has a number, and anything else the published schema refuses is an error, and every such problem is
/// reported at once with its JSON path and line. A UTF-8 byte-order mark is skipped (RFC 8259 §8.1 lets a parser ignore
/// it, and editors on Windows add one); nothing after it is read differently.
/// </summary>
public static class LeaderboardReader
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    // After the schema has passed, binding is strict too: no missing or null value where the format needs one, no key the
    // records do not know (the parts of the schema that are open, e.g. timing.measurements, are closed here).
    private static readonly JsonSerializerOptions Strict = new(Json.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>Reads the leaderboard at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not JSON, another schema version, or not in the published format; the message names the file and every problem.</exception>
    public static LeaderboardDocument Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: leaderboard not found", path);
        }

        return Parse(ReadBytes(path), path);
    }

    /// <summary>The file's bytes; a name ending in <c>.gz</c> is gunzipped first (published leaderboards are committed gzipped).</summary>
    private static byte[] ReadBytes(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return File.ReadAllBytes(path);
        }

        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
            using var bytes = new MemoryStream();
            gzip.CopyTo(bytes);
            return bytes.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: not a gzip file ({ex.Message})", ex);
        }
    }

    /// <summary>Reads a leaderboard from <paramref name="utf8"/>; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="InvalidDataException">As <see cref="Read"/>.</exception>
    public static LeaderboardDocument Parse(ReadOnlySpan<byte> utf8, string source)
    {
        if (utf8.StartsWith(ByteOrderMark))
        {
            utf8 = utf8[ByteOrderMark.Length..];
        }

        JsonScan scan;
        try
        {
            scan = JsonScan.Run(utf8);
        }
        catch (JsonException ex)
        {
            var what = ex.Message.Split(" LineNumber:", 2)[0].TrimEnd();
            throw new InvalidDataException(
                $"{source}: not a leaderboard: not valid JSON at line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: {what}", ex);
        }

        var bytes = utf8.ToArray();
        using (var document = JsonDocument.Parse(bytes))
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("schema_version", out var version)
                && version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var number) && number != LeaderboardDocument.CurrentSchemaVersion)
            {
                throw new InvalidDataException(
                    $"{source}: schema_version {number.ToString(CultureInfo.InvariantCulture)}; this eebench reads schema_version {LeaderboardDocument.CurrentSchemaVersion}. " +
                    "Rebuild it from its cell results with this eebench: 'eebench merge' on its folder");
            }

            ThrowIfAny(source, [.. scan.Problems, .. PublishedSchema.Check(root, scan.Lines)]);
        }

        try
        {
            return JsonSerializer.Deserialize<LeaderboardDocument>(bytes, Strict) ?? throw new InvalidDataException($"{source}: not a leaderboard: null");
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? JsonPath.Root : ex.Path;
            ThrowIfAny(source, [new ReadProblem(path, scan.Lines.TryGetValue(path, out var line) ? line : null, Describe(ex))]);
            throw;
        }
    }

    private static void ThrowIfAny(string source, List<ReadProblem> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        var ordered = problems.Distinct().OrderBy(p => p.Line ?? int.MaxValue).ThenBy(p => p.Path, StringComparer.Ordinal).ToList();
        throw new InvalidDataException(
            $"{source}: not a leaderboard in the published format (schema_version {LeaderboardDocument.CurrentSchemaVersion}, schemas/leaderboard.schema.json); " +
            $"{ordered.Count} problem(s):" + string.Concat(ordered.Select(p => $"{Environment.NewLine}  {p}")));
    }

    /// <summary>What a binding error means in the format's terms, without the serializer's type names.</summary>
    private static string Describe(JsonException ex) => ex.Message switch
    {
        var m when m.Contains("could not be mapped", StringComparison.Ordinal) => "unknown key: the published format has no such key here",
        var m when m.Contains("missing required properties", StringComparison.OrdinalIgnoreCase) || m.Contains("constructor parameter", StringComparison.Ordinal) =>
            "a key the published format requires is missing or null",
        var m when m.Contains("null", StringComparison.OrdinalIgnoreCase) => "null where the published format needs a value",
        var m when m.Contains("Duplicate", StringComparison.OrdinalIgnoreCase) => "key given twice",
        var m when ex.InnerException is null && !m.Contains("System.", StringComparison.Ordinal) && !m.Contains("could not be converted", StringComparison.Ordinal) =>
            m.Split(" Path:", 2)[0].TrimEnd(),
        _ => "a value of the wrong kind for the published format",
    };
}
