using System.CommandLine;
using EarlyExitBench.Harness.Reporting;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Cli;

/// <summary><c>eebench report LEADERBOARD.json [--out DIR]</c>: rebuilds report.md, its plots and report.html from a leaderboard alone.</summary>
internal static class ReportCommand
{
    public static Command Create(CliIO io)
    {
        var leaderboard = new Argument<string>("leaderboard") { Description = "A leaderboard.json written by run, evaluate or merge" };
        var outDir = new Option<string?>("--out") { Description = "Folder for report.md, its PNGs and report.html (default: the leaderboard's folder)" };
        var command = new Command("report", "Rebuild the Markdown and HTML reports from a leaderboard") { leaderboard, outDir };
        command.SetAction(parse => CliSupport.Guarded(parse, io, null, _ =>
        {
            var path = parse.GetValue(leaderboard)!;
            var document = LeaderboardReader.Read(path);
            var folder = parse.GetValue(outDir) ?? Path.GetDirectoryName(Path.GetFullPath(path))!;
            var markdown = ReportWriter.Write(document, folder);
            io.Out.WriteLine($"report: {markdown} and {Path.Combine(folder, ReportWriter.HtmlFile)}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
