using System.Text;
using System.Text.Json;

namespace EarlyExitBench.Harness.Results;

/// <summary>
/// One token-level pass over a JSON document, before anything binds it: the line of every value (by JSON path), every key
/// given twice in one object (which a DOM or the serializer would silently resolve, the last one winning) and every
/// number that is not finite (<c>1e999</c>). Syntax errors throw a <see cref="JsonException"/> with line and position.
/// </summary>
internal sealed class JsonScan
{
    private readonly byte[] _json;
    private int[]? _lineStarts;
    private Dictionary<string, int>? _lines;

    private JsonScan(byte[] json)
    {
        _json = json;
    }

    /// <summary>1-based line of each value, keyed by its JSON path; the first occurrence when a key is repeated. Made on first use (a full scan).</summary>
    public IReadOnlyDictionary<string, int> Lines => _lines ??= Full(_json)._lines!;

    /// <summary>Repeated keys and non-finite numbers, in document order.</summary>
    public List<ReadProblem> Problems { get; } = [];

    private int[] LineStarts => _lineStarts ??= Starts(_json);

    private static int[] Starts(ReadOnlySpan<byte> json)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    /// <summary>Scans <paramref name="json"/> (UTF-8, without a byte-order mark).</summary>
    /// <exception cref="JsonException">Not well-formed JSON.</exception>
    public static JsonScan Run(ReadOnlySpan<byte> json) => Clean(json) ? new JsonScan(json.ToArray()) : Full(json);

    /// <summary>
    /// The quick pass of a document with nothing to report: well-formed, no key twice in an object, every number finite.
    /// It builds no path: only where it finds something does <see cref="Full"/> scan again, for the problems and lines.
    /// </summary>
    private static bool Clean(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
        var objects = new Stack<HashSet<string>?>();
        var spare = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        var keys = spare.Count > 0 ? spare.Pop() : new HashSet<string>(StringComparer.Ordinal);
                        keys.Clear();
                        objects.Push(keys);
                        break;
                    case JsonTokenType.StartArray:
                        objects.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        if (objects.Pop() is { } done)
                        {
                            spare.Push(done);
                        }

                        break;
                    case JsonTokenType.PropertyName:
                        if (!objects.Peek()!.Add(reader.GetString()!))
                        {
                            return false;
                        }

                        break;
                    case JsonTokenType.Number:
                        if (!(reader.TryGetDouble(out var number) && double.IsFinite(number)))
                        {
                            return false;
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Full throws it again, with the same line and position.
            return false;
        }

        return true;
    }

    /// <summary>The pass that records every value's line and every problem.</summary>
    private static JsonScan Full(ReadOnlySpan<byte> json)
    {
        var scan = new JsonScan(json.ToArray());
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        scan._lines = lines;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
        var frames = new Stack<Frame>();
        string? key = null;
        while (reader.Read())
        {
            var line = scan.LineOf(reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var frame = frames.Peek();
                    key = reader.GetString()!;
                    if (frame.Keys!.TryGetValue(key, out var first))
                    {
                        scan.Problems.Add(new ReadProblem(JsonPath.Member(frame.Path, key), line, $"key given twice (first at line {first}); a leaderboard names each key once"));
                    }
                    else
                    {
                        frame.Keys[key] = line;
                    }

                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                default:
                    var path = frames.Count == 0 ? JsonPath.Root
                        : frames.Peek() is { Keys: null } array ? JsonPath.Item(array.Path, array.Count++)
                        : JsonPath.Member(frames.Peek().Path, key!);
                    lines.TryAdd(path, line);
                    if (reader.TokenType == JsonTokenType.Number && !(reader.TryGetDouble(out var number) && double.IsFinite(number)))
                    {
                        scan.Problems.Add(new ReadProblem(path, line, $"{Encoding.UTF8.GetString(reader.ValueSpan)} is not a finite number"));
                    }
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartObject ? new Dictionary<string, int>(StringComparer.Ordinal) : null));
                    }

                    break;
            }
        }

        return scan;
    }

    private int LineOf(long offset)
    {
        var index = Array.BinarySearch(LineStarts, (int)offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    /// <summary>An open object (with the keys seen so far and their lines) or array (with its item count).</summary>
    private sealed class Frame(string path, Dictionary<string, int>? keys)
    {
        public string Path { get; } = path;

        public Dictionary<string, int>? Keys { get; } = keys;

        public int Count { get; set; }
    }
}
