using System.CommandLine;

namespace EarlyExitBench.Harness.Cli;

/// <summary>The <c>eebench</c> command line; each command lives in its own file.</summary>
public static class Commands
{
    /// <summary>Runs the CLI; returns the process exit code.</summary>
    /// <param name="args">Arguments.</param>
    /// <param name="output">Standard output (tables, paths); the console when null.</param>
    /// <param name="errors">Standard error (one line per problem); the console's when null.</param>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? errors = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var io = new CliIO(output ?? Console.Out, errors ?? Console.Error, "eebench " + string.Join(' ', args));
        var root = new RootCommand("EarlyExitBench: does calibration or failure prediction predict early-exit efficiency?");
        root.Options.Add(CliSupport.Verbose);
        root.Options.Add(CliSupport.PluginDirs);
        root.Subcommands.Add(PluginsCommand.Create(io));
        root.Subcommands.Add(ValidateCommand.Create(io));
        root.Subcommands.Add(PlanCommand.Create(io));
        root.Subcommands.Add(RunCommand.Create(io));
        root.Subcommands.Add(EvaluateCommand.Create(io));
        root.Subcommands.Add(MergeCommand.Create(io));
        root.Subcommands.Add(SlurmCommand.Create(io));
        root.Subcommands.Add(ClaimsCommand.Create(io));
        root.Subcommands.Add(ReportCommand.Create(io));
        root.Subcommands.Add(CompareCommand.Create(io));
        root.Subcommands.Add(SubmitCommand.Create(io));
        root.Subcommands.Add(VerifyCommand.Create(io));
        root.Subcommands.Add(SiteCommand.Create(io));
        root.Subcommands.Add(CellWorkerCommand.Create(io));
        root.Subcommands.Add(DataCommand.Create(io));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            io.Errors.WriteLine($"eebench: {parse.Errors[0].Message} (see eebench --help)");
            return ExitCodes.BadInput;
        }

        return parse.Invoke();
    }
}
