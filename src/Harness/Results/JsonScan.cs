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
    private readonly int[] _lineStarts;

    private JsonScan(ReadOnlySpan<byte> json)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    /// <summary>1-based line of each value, keyed by its JSON path; the first occurrence when a key is repeated.</summary>
    public Dictionary<string, int> Lines { get; } = new(StringComparer.Ordinal);

    /// <summary>Repeated keys and non-finite numbers, in document order.</summary>
    public List<ReadProblem> Problems { get; } = [];

    /// <summary>Scans <paramref name="json"/> (UTF-8, without a byte-order mark).</summary>
    /// <exception cref="JsonException">Not well-formed JSON.</exception>
    public static JsonScan Run(ReadOnlySpan<byte> json)
    {
        var scan = new JsonScan(json);
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
                    scan.Lines.TryAdd(path, line);
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
        var index = Array.BinarySearch(_lineStarts, (int)offset);
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
