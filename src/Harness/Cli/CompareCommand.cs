using System.CommandLine;
using EarlyExitBench.Harness.Reporting;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Storage;

namespace EarlyExitBench.Harness.Cli;

/// <summary>
/// <c>eebench compare A.json B.json [--out FILE.md]</c>: which scores, ranks and proxy correlations moved beyond their
/// intervals, as Markdown. Exit code 0 when nothing did, 1 when something did (for a plugin repository's CI), 2 for bad input.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliIO io)
    {
        var before = new Argument<string>("a") { Description = "The first leaderboard (before)" };
        var after = new Argument<string>("b") { Description = "The second leaderboard (after)" };
        var outFile = new Option<string?>("--out") { Description = "Write the Markdown here instead of standard output" };
        var command = new Command("compare", "Compare two leaderboards: what moved beyond its 95% intervals (exit 1 when something did)") { before, after, outFile };
        command.SetAction(parse => CliSupport.Guarded(parse, io, null, _ =>
        {
            var (pathA, pathB) = (parse.GetValue(before)!, parse.GetValue(after)!);
            var a = LeaderboardReader.Read(pathA);
            var b = LeaderboardReader.Read(pathB);
            var comparison = LeaderboardComparison.Of(a, b);
            var markdown = ComparisonReport.Markdown(comparison, a, pathA, b, pathB);
            if (parse.GetValue(outFile) is { } file)
            {
                AtomicFile.WriteAllText(file, markdown);
                io.Out.WriteLine($"comparison: {file}");
            }
            else
            {
                io.Out.Write(markdown);
            }

            // On stderr, so that 'eebench compare A B > changes.md' holds only the Markdown.
            io.Errors.WriteLine(comparison.AnyMoved ? "compare: something moved beyond its 95% intervals (exit 1)" : "compare: nothing moved beyond its 95% intervals (exit 0)");
            return comparison.AnyMoved ? ExitCodes.PartialFailure : ExitCodes.Ok;
        }));
        return command;
    }
}
