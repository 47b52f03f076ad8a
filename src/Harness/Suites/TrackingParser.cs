using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EarlyExitBench.Harness.Suites;

/// <summary>Remembers where the last successfully parsed YAML event ended, for errors that carry no position.</summary>
internal sealed class TrackingParser(IParser inner) : IParser
{
    public Mark LastGood { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (inner.Current is { } current)
        {
            LastGood = current.Start;
        }

        return inner.MoveNext();
    }
}
