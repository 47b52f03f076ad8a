namespace EarlyExitBench.Tests.Docs;

/// <summary>One fenced code block of a Markdown page.</summary>
/// <param name="File">The page, relative to the checkout.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Language">The first word of the info string (<c>bash</c>), empty when none.</param>
/// <param name="Tag">The second word (<c>test</c>, <c>example</c>), empty when none.</param>
/// <param name="Body">The block's text, verbatim.</param>
/// <param name="TextAbove">The paragraph just above the fence (its lines joined by spaces), outside any block.</param>
internal sealed record DocBlock(string File, int Line, string Language, string Tag, string Body, string TextAbove)
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "bash", "sh", "shell", "console", "zsh" };

    /// <summary>Whether a reader would paste it into a shell.</summary>
    public bool IsShell => Shells.Contains(Language);

    /// <summary>Where it is, as <c>file:line</c>.</summary>
    public string Where => $"{File}:{Line}";
}
