using System.CommandLine;
using EarlyExitBench.Harness.Pipeline;

namespace EarlyExitBench.Harness.Cli;

/// <summary><c>eebench merge DIR… --out DIR</c>: one leaderboard and report from the cell results of many folders.</summary>
internal static class MergeCommand
{
    public static Command Create(CliIO io)
    {
        var folders = new Argument<string[]>("folders") { Description = "Result folders of the same plan (shards, machines, earlier runs)", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string?>("--out") { Description = "Folder for the merged cells, leaderboard and report (default: results/<suite name>)" };
        var command = new Command("merge", "Build the leaderboard and report from the cell results of several folders") { folders, outDir };
        command.SetAction(parse => CliSupport.Guarded(parse, io, null, logger =>
        {
            var inputs = parse.GetValue(folders)!;
            var output = parse.GetValue(outDir) ?? Path.Combine("results", Planning.PlanFile.Read(inputs[0]).Suite.Name);
            var document = MergeRunner.Merge(inputs, output, io.CommandLine, logger);
            foreach (var missing in document.Failures.Where(f => f.Stage == MergeRunner.MissingStage))
            {
                io.Errors.WriteLine($"eebench: missing cell {missing.Cell}: {missing.Message}");
            }

            return CliSupport.Finish(io, document, output, logger, null);
        }));
        return command;
    }
}
