using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EarlyExitBench.Harness.Suites;

/// <summary>Reads a suite file (strict UTF-8, YAML) and binds it to <see cref="Suite"/>; every problem is collected with file, line and column.</summary>
public static class SuiteLoader
{
    /// <summary>Reads and binds <paramref name="path"/>; throws <see cref="SuiteException"/> with all errors.</summary>
    public static Suite Load(string path) => OrThrow(Read(path));

    /// <summary>Reads and binds <paramref name="path"/>, returning the (possibly partial) suite and every error instead of throwing.</summary>
    public static SuiteReading Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // Name the file as the user wrote it, so editors and terminals can jump to file:line:col.
        var file = path;
        if (!File.Exists(path))
        {
            return new SuiteReading(null, [new SuiteError(SourceLocation.WholeFile(file), Directory.Exists(path) ? "is a folder, not a suite file" : "suite file not found")]);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new SuiteReading(null, [new SuiteError(SourceLocation.WholeFile(file), $"cannot read the suite: {ex.Message}")]);
        }

        var errors = new List<SuiteError>();
        var text = SuiteText.Decode(bytes, file, errors);
        return text is null ? new SuiteReading(null, errors) : Bind(text, file, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Parses suite text; <paramref name="file"/> names it in errors, <paramref name="baseDirectory"/> resolves relative plugin folders.</summary>
    public static Suite Parse(string text, string file, string baseDirectory) => OrThrow(Bind(text, file, baseDirectory));

    /// <summary>Like <see cref="Parse"/>, but returns the (possibly partial) suite and every error instead of throwing.</summary>
    public static SuiteReading Bind(string text, string file, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<SuiteError>();
        var stream = new YamlStream();
        var duplicates = new DuplicateKeyFilter(new Parser(new StringReader(text)));
        var parser = new TrackingParser(duplicates);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            var message = (ex.InnerException?.Message ?? ex.Message).Split(Environment.NewLine)[0];
            // YamlDotNet marks a tab in indentation at the enclosing mapping (often 1:1): point at the tab itself.
            var at = message.Contains("tab", StringComparison.Ordinal) && FirstIndentingTab(text, ex.Start.Line) is { } tab
                ? new SourceLocation(file, tab.Line, tab.Column)
                : new SourceLocation(file, ex.Start.Line, ex.Start.Column);
            errors.Add(new SuiteError(at, $"invalid YAML: {StripMark(message)}"));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner and loader can fail without a position (an unclosed '[', an event sequence it does not expect): report where parsing stopped.
            var at = parser.LastGood;
            errors.Add(new SuiteError(new SourceLocation(file, at.Line, at.Column), "invalid YAML after this point (an unclosed '[' or '{', or a stray quote?)"));
        }

        // Duplicates found before a syntax error are real too: report them with it.
        errors.AddRange(duplicates.Duplicates.Select(d => new SuiteError(
            new SourceLocation(file, d.Repeated.Line, d.Repeated.Column),
            $"duplicate key '{d.Key}': already set at line {d.First.Line}; keep one of the two")));
        if (errors.Count > 0 && stream.Documents.Count == 0)
        {
            return new SuiteReading(null, Sorted(errors));
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            errors.Add(new SuiteError(new SourceLocation(file, second.Start.Line, second.Start.Column), "a suite is one YAML document; remove the '---' and what follows, or split it into two files"));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents.Count == 0 ? SourceLocation.WholeFile(file) : Where(file, stream.Documents[0].RootNode);
            errors.Add(new SuiteError(at, stream.Documents.Count == 0
                ? "the suite is empty; it needs at least name:, datasets: and architectures:"
                : "a suite must be a YAML mapping (name:, datasets:, architectures:, ...)"));
            return new SuiteReading(null, Sorted(errors));
        }

        if (ExpansionGuard.Check(root, file) is { } tooLarge)
        {
            errors.Add(tooLarge);
            return new SuiteReading(null, Sorted(errors));
        }

        var suite = SuiteBinder.Bind(root, file, baseDirectory, errors);
        return new SuiteReading(suite, Sorted(errors));
    }

    /// <summary>Errors in file order: whole-file problems first, then by line and column.</summary>
    public static IReadOnlyList<SuiteError> Sorted(IEnumerable<SuiteError> errors) =>
        errors.OrderBy(e => e.Location.Line).ThenBy(e => e.Location.Column).ToList();

    private static Suite OrThrow(SuiteReading reading) =>
        reading is { Suite: { } suite, Errors.Count: 0 } ? suite : throw new SuiteException(reading.Errors);

    private static SourceLocation Where(string file, YamlNode node) => new(file, node.Start.Line, node.Start.Column);

    private static (long Line, long Column)? FirstIndentingTab(string text, long fromLine)
    {
        var lines = text.Split('\n');
        for (var i = (int)Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    private static string StripMark(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is already in front.
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        return index >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(index + 3)..] : message;
    }
}
