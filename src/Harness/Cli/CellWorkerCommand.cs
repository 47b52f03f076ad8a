using System.CommandLine;
using EarlyExitBench.Harness.Pipeline;
using EarlyExitBench.Harness.Planning;

namespace EarlyExitBench.Harness.Cli;

/// <summary>
/// <c>eebench cell-worker SUITE --cell KEY --out DIR --cache DIR</c> (hidden): the child <c>verify</c> starts in its
/// sandbox to re-run one cell of a submission with the submitted plugins. Not for people: <c>verify</c> chooses its arguments.
/// </summary>
internal static class CellWorkerCommand
{
    public static Command Create(CliIO io)
    {
        var suite = new Argument<string>("suite") { Description = "The submission's suite.yaml" };
        var cell = new Option<string>("--cell") { Description = "Key of the cell to run", Required = true };
        var outDir = new Option<string>("--out") { Description = "Scratch folder for plan.json and cells/KEY.json", Required = true };
        var cache = new Option<string>("--cache") { Description = "Scratch cache folder", Required = true };
        var command = new Command("cell-worker", "Re-run one cell from scratch (the sandboxed child of verify)") { suite, cell, outDir, cache };
        command.Hidden = true;
        command.SetAction(parse => CliSupport.Guarded(parse, io, null, logger =>
        {
            var (loaded, catalog) = CliSupport.LoadSuite(parse, parse.GetValue(suite)!, logger);
            using var cancel = CliSupport.CancelOnCtrlC();
            var plan = PlanBuilder.FromSuite(loaded, catalog, logger, cancel.Token);
            var stored = CellRerun.Run(plan, parse.GetValue(cell)!, parse.GetValue(outDir)!, parse.GetValue(cache)!, logger, cancel.Token);
            io.Out.WriteLine(stored.Path);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
