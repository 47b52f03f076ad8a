using System.Text;
using System.Text.RegularExpressions;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Docs;

/// <summary>
/// The checkout's Markdown pages a reader follows (README.md, CONTRIBUTING.md and everything under docs/), their fenced
/// blocks and the rules for shell blocks: each is <c>```bash test</c> (a test runs it as written) or
/// <c>```bash example</c> with the reason (a GPU, a download, a long run, ...) on the line above.
/// </summary>
internal static partial class DocPages
{
    /// <summary>Words one of which the line above an example block must hold: why the tests do not run it.</summary>
    public static readonly string[] ExampleReasons = ["GPU", "CUDA", "download", "long run", "minutes", "hours", "cluster", "root", "network", "installs", "outside this repository"];

    /// <summary>Every page, relative to the checkout, in ordinal order.</summary>
    public static IReadOnlyList<string> All() =>
        [.. new[] { "README.md", "CONTRIBUTING.md" }
            .Concat(Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "docs"), "*.md", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(TestPaths.RepoRoot, p).Replace('\\', '/')))
            .Order(StringComparer.Ordinal)];

    /// <summary>The fenced blocks of <paramref name="markdown"/> (backtick or tilde fences), in order.</summary>
    public static IReadOnlyList<DocBlock> Blocks(string file, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<DocBlock>();
        var (above, paragraph) = (string.Empty, new List<string>());
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                if (lines[i].Trim().Length == 0)
                {
                    paragraph.Clear();
                }
                else
                {
                    paragraph.Add(lines[i].Trim());
                    above = string.Join(' ', paragraph);
                }

                continue;
            }

            var (fence, words) = (open.Groups["fence"].Value, open.Groups["info"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var body = new StringBuilder();
            var start = i;
            for (i++; i < lines.Length && !IsClosing(lines[i], fence); i++)
            {
                body.Append(lines[i]).Append('\n');
            }

            blocks.Add(new DocBlock(file, start + 1, words.ElementAtOrDefault(0) ?? string.Empty, words.ElementAtOrDefault(1) ?? string.Empty, body.ToString(), above));
            (above, paragraph) = (string.Empty, []);
        }

        return blocks;
    }

    /// <summary>Every rule a shell block breaks, as <c>file:line: what</c>; empty when all hold.</summary>
    public static IEnumerable<string> Problems(IEnumerable<DocBlock> blocks)
    {
        foreach (var block in blocks.Where(b => b.IsShell))
        {
            if (block.Tag is not ("test" or "example"))
            {
                yield return $"{block.Where}: a ```{block.Language} block must be ```{block.Language} test (the docs tests run it: offline and quick) or ```{block.Language} example (with the reason just above it)";
            }
            else if (block.Tag == "example" && !ExampleReasons.Any(r => block.TextAbove.Contains(r, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"{block.Where}: the text just above an example block must say why the tests do not run it (one of: {string.Join(", ", ExampleReasons)}); it is '{block.TextAbove}'";
            }
        }
    }

    /// <summary>The <c>test</c> blocks of <paramref name="blocks"/> joined into one script that stops at the first failure and echoes each command.</summary>
    public static string Script(IEnumerable<DocBlock> blocks)
    {
        var script = new StringBuilder("set -euo pipefail\nset -x\n");
        foreach (var block in blocks.Where(b => b.IsShell && b.Tag == "test"))
        {
            script.Append("# ").Append(block.Where).Append('\n').Append(block.Body);
        }

        return script.ToString();
    }

    /// <summary>The relative link targets of <paramref name="markdown"/> (no scheme, no bare anchor), anchor removed.</summary>
    public static IEnumerable<string> RelativeLinks(string markdown) =>
        Link().Matches(markdown).Select(m => m.Groups["target"].Value)
            .Where(t => !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith('#') && !t.StartsWith("mailto:", StringComparison.Ordinal))
            .Select(t => t.Split('#')[0]);

    private static bool IsClosing(string line, string fence) =>
        line.Trim().Length >= fence.Length && line.Trim().All(c => c == fence[0]);

    [GeneratedRegex(@"^[ \t]*(?<fence>```+|~~~+)[ \t]*(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();
}
