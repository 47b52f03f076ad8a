using System.CommandLine;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Submissions;

namespace EarlyExitBench.Harness.Cli;

/// <summary><c>eebench submit RESULTS_DIR --out SUBMISSION</c>: a results folder packaged, checked and pinned for a leaderboard.</summary>
internal static class SubmitCommand
{
    public static Command Create(CliIO io)
    {
        var results = new Argument<string>("results") { Description = "Results folder of a finished run (plan.json, cells/, leaderboard.json)" };
        var outDir = new Option<string>("--out") { Description = "New folder for the submission", Required = true };
        var suite = new Option<string?>("--suite") { Description = "The suite file the run used (default: the path plan.json records)" };
        var board = LeaderboardOption();
        var command = new Command("submit", "Package a run's plan, cell results, provenance and contributed plugins as a verifiable submission") { results, outDir, suite, board };
        command.SetAction(parse => CliSupport.Guarded(parse, io, null, logger =>
        {
            var folder = parse.GetValue(results)!;
            var suiteFile = parse.GetValue(suite) ?? PlanFile.Read(folder).Suite.File;
            if (!File.Exists(suiteFile))
            {
                throw new FileNotFoundException($"{suiteFile}: suite file not found; name the one the run used with --suite");
            }

            return Refusing(io, parse.GetValue(outDir)!, () =>
            {
                var submission = SubmissionWriter.Build(folder, suiteFile, parse.GetValue(CliSupport.PluginDirs) ?? []);
                PinTo(parse.GetValue(board), submission.Manifest.Pin, parse.GetValue(outDir)!);
                SubmissionWriter.Write(submission, parse.GetValue(outDir)!);
                io.Out.WriteLine($"submission: {parse.GetValue(outDir)} ({submission.Manifest.Cells.Count} cell(s), {submission.Files.Count} file(s), {submission.Manifest.Plugins.Count(p => p.Source == SubmittedPlugin.Included)} included plugin(s)); pinned to {submission.Manifest.Pin.Suite} {submission.Manifest.Pin.SuiteSha256[..12]}…, {submission.Manifest.Pin.Harness} {submission.Manifest.Pin.HarnessVersion}");
                return ExitCodes.Ok;
            });
        }));
        return command;
    }

    /// <summary>The <c>--leaderboard</c> option of <c>submit</c> and <c>verify</c>.</summary>
    public static Option<string?> LeaderboardOption() => new("--leaderboard") { Description = "A leaderboard.json the submission must match in version (schema, suite, eebench); refused otherwise" };

    /// <summary>Refuses (exit 2) a submission pinned to another version than <paramref name="board"/>'s.</summary>
    public static void PinTo(string? board, SubmissionPin pin, string source)
    {
        if (board is null)
        {
            return;
        }

        var problems = SubmissionValidator.PinProblems(pin, LeaderboardReader.Read(board), board);
        if (problems.Count > 0)
        {
            throw new SubmissionException(source, problems);
        }
    }

    /// <summary>Runs <paramref name="action"/>; a refused submission prints one line per problem and exits 2.</summary>
    public static int Refusing(CliIO io, string source, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (SubmissionException ex)
        {
            foreach (var problem in ex.Problems)
            {
                io.Errors.WriteLine($"refused: {problem}");
            }

            io.Errors.WriteLine($"eebench: {source}: refused, {ex.Problems.Count} problem(s); nothing was written");
            return ExitCodes.BadInput;
        }
    }
}
