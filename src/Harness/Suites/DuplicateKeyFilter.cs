using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EarlyExitBench.Harness.Suites;

/// <summary>
/// Drops the second and later occurrence of a key in a YAML mapping (with its value) and remembers where both are.
/// YamlDotNet's representation model throws at the first duplicate, which would hide every other error in the file.
/// Also stops absurdly deep nesting before YamlDotNet's recursive loader overflows the stack.
/// </summary>
internal sealed class DuplicateKeyFilter(IParser inner) : IParser
{
    private readonly Stack<Frame> _frames = new();

    /// <summary>Each dropped key: its text, where it was first set, and where it was repeated.</summary>
    public List<(string Key, Mark First, Mark Repeated)> Duplicates { get; } = [];

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        while (inner.MoveNext())
        {
            var current = inner.Current!;
            if (current is Scalar key && _frames.TryPeek(out var frame) && frame is { IsMapping: true, ExpectKey: true })
            {
                if (frame.Keys.TryGetValue(key.Value, out var first))
                {
                    Duplicates.Add((key.Value, first, key.Start));
                    SkipNode();
                    continue;
                }

                frame.Keys[key.Value] = key.Start;
            }

            Track(current);
            return true;
        }

        return false;
    }

    private void Track(ParsingEvent current)
    {
        // YamlDotNet builds nodes recursively: thousands of nested '[' would overflow the stack and kill the process.
        if (current is MappingStart or SequenceStart && _frames.Count >= ExpansionGuard.MaxDepth)
        {
            throw new YamlException(current.Start, current.End, $"values nest more than {ExpansionGuard.MaxDepth} levels deep");
        }

        switch (current)
        {
            case MappingStart:
                _frames.Push(new Frame(IsMapping: true));
                break;
            case SequenceStart:
                _frames.Push(new Frame(IsMapping: false));
                break;
            case MappingEnd or SequenceEnd:
                _frames.TryPop(out _);
                NodeDone();
                break;
            case Scalar or AnchorAlias:
                NodeDone();
                break;
        }
    }

    // In a mapping, nodes alternate key, value, key, ...
    private void NodeDone()
    {
        if (_frames.TryPeek(out var frame) && frame.IsMapping)
        {
            frame.ExpectKey = !frame.ExpectKey;
        }
    }

    // Skips one whole node: a scalar or alias, or a mapping or sequence up to its matching end.
    private void SkipNode()
    {
        var depth = 0;
        do
        {
            if (!inner.MoveNext())
            {
                return;
            }

            depth += inner.Current switch
            {
                MappingStart or SequenceStart => 1,
                MappingEnd or SequenceEnd => -1,
                _ => 0,
            };
        }
        while (depth > 0);
    }

    private sealed record Frame(bool IsMapping)
    {
        public bool ExpectKey { get; set; } = true;

        public Dictionary<string, Mark> Keys { get; } = new(StringComparer.Ordinal);
    }
}
