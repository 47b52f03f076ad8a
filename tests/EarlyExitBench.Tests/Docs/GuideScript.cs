using System.Text;
using System.Text.RegularExpressions;

namespace EarlyExitBench.Tests.Docs;

/// <summary>The fenced <c>```bash test</c> blocks of a Markdown guide, in order, as one bash script that stops at the first failure.</summary>
internal static partial class GuideScript
{
    /// <summary>Each marked block's text, verbatim.</summary>
    public static IReadOnlyList<string> Blocks(string markdown) =>
        TestBlock().Matches(markdown.ReplaceLineEndings("\n")).Select(m => m.Groups["body"].Value).ToList();

    /// <summary>The blocks joined into a script; each echoes its commands (<c>set -x</c>) so a failure shows which one.</summary>
    public static string Script(string markdown)
    {
        var script = new StringBuilder("set -euo pipefail\nset -x\n");
        foreach (var block in Blocks(markdown))
        {
            script.Append(block).Append('\n');
        }

        return script.ToString();
    }

    [GeneratedRegex(@"^```bash test[ \t]*\n(?<body>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex TestBlock();
}
