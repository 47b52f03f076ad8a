using System.CommandLine;
using EarlyExitBench.Harness.Suites;

namespace EarlyExitBench.Harness.Cli;

/// <summary><c>eebench validate SUITE</c>: every error of a suite at once, as <c>file:line:col: message</c>.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliIO io)
    {
        var suiteArgument = new Argument<string>("suite") { Description = "Suite YAML file" };
        var command = new Command("validate", "Check a suite: YAML, keys, values, plugin aliases and options") { suiteArgument };
        command.SetAction(parse => CliSupport.Guarded(parse, io, null, logger =>
        {
            var (suite, _) = CliSupport.LoadSuite(parse, parse.GetValue(suiteArgument)!, logger);
            io.Out.WriteLine($"{suite.SourcePath}: ok — {Describe(suite)}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>One line on what a suite asks for.</summary>
    public static string Describe(Suite suite) =>
        $"{suite.Datasets.Count} dataset(s) × {suite.Architectures.Count} architecture(s) × {suite.Seeds.Count} seed(s); "
        + $"{suite.Calibrators.Count} calibrator(s) × {suite.FailurePredictors.Count} failure predictor(s); "
        + $"{suite.Recipes.Count} recipe(s) ({string.Join(", ", suite.Recipes.Select(r => $"{r.Name}: {r.Epochs} epoch(s) of {r.Optimizer}, batch {r.BatchSize}"))}); device {suite.Device}";
}
