using System.CommandLine;
using System.Globalization;
using EarlyExitBench.Harness.Site;
using EarlyExitBench.Harness.Submissions;

namespace EarlyExitBench.Harness.Cli;

/// <summary>
/// <c>eebench site SUBMISSIONS_DIR --out SITE</c>: the static leaderboard site of every accepted submission (each sub-folder,
/// with its optional <c>NAME.verification.json</c>). A malformed submission stops the build (exit 2) before anything is written.
/// </summary>
internal static class SiteCommand
{
    public static Command Create(CliIO io)
    {
        var submissions = new Argument<string>("submissions") { Description = "Folder of submissions: each sub-folder one (eebench submit), beside it NAME.verification.json (eebench verify --record)" };
        var outDir = new Option<string>("--out") { Description = "Folder for the site (new, empty, or an earlier site, which is replaced)", Required = true };
        var command = new Command("site", "Build the static leaderboard site of a folder of submissions") { submissions, outDir };
        command.SetAction(parse => CliSupport.Guarded(parse, io, null, logger =>
        {
            var folder = parse.GetValue(submissions)!;
            var output = parse.GetValue(outDir)!;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            SiteModel model;
            try
            {
                model = SiteModel.Read(folder);
            }
            catch (SubmissionException ex)
            {
                // The exception names the sub-folder refused; every problem on its own line, as verify prints them.
                foreach (var problem in ex.Problems)
                {
                    io.Errors.WriteLine($"refused: {problem}");
                }

                io.Errors.WriteLine($"eebench: {ex.Message}; the site was not built, nothing was written");
                return ExitCodes.BadInput;
            }

            logger.Information("Read and checked {Count} submission(s) in {Seconds:F1} s", model.Submissions.Count, clock.Elapsed.TotalSeconds);
            clock.Restart();
            var files = SiteBuilder.Build(model);
            SiteBuilder.Write(output, model, files);
            logger.Information("Pages and downloads written in {Seconds:F1} s", clock.Elapsed.TotalSeconds);
            var largest = files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)).MaxBy(f => f.Value.Length);
            var data = new FileInfo(Path.Combine(output, SiteBuilder.DataPath)).Length;
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"site: {output} ({files.Count + 1} files, {(files.Sum(f => (long)f.Value.Length) + data) / 1024.0:F0} KB, of which {SiteBuilder.DataPath} {data / 1024.0:F0} KB; largest page {largest.Key} {largest.Value.Length / 1024.0:F0} KB): {model.Settings.Count} setting(s), {model.Methods.Count} method(s), {model.Submissions.Count} submission(s)"));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
