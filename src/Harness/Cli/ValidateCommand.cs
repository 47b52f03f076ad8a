using System.CommandLine;
using EarlyExitBench.Harness.Plugins;
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
            var (suite, catalog) = CliSupport.LoadSuite(parse, parse.GetValue(suiteArgument)!, logger);
            io.Out.WriteLine($"{suite.SourcePath}: ok — {Describe(suite)}");
            foreach (var (kind, spec) in Plugins(suite))
            {
                if (catalog[kind].DeprecationNote(spec.Alias) is { } note)
                {
                    io.Out.WriteLine($"{spec.Location}: note: {note}");
                }
            }

            // The suite is fine, but a plugin folder it or --plugins asked for gave nothing, or a plugin failed to load: a
            // plugin repository's CI must see that, so it is bad input (exit 2) with the reason, as for `plugins`.
            var problems = CliSupport.PluginFolderProblems(parse, catalog, suite.PluginDirectories);
            foreach (var problem in problems)
            {
                io.Errors.WriteLine($"eebench: {problem}");
            }

            return problems.Count > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
        }));
        return command;
    }

    private static IEnumerable<(PluginKind Kind, PluginSpec Spec)> Plugins(Suite suite) =>
        suite.Datasets.Select(d => (PluginKind.Dataset, d.Plugin))
            .Concat(suite.Architectures.Select(s => (PluginKind.Architecture, s)))
            .Concat(suite.Calibrators.Select(s => (PluginKind.Calibrator, s)))
            .Concat(suite.FailurePredictors.Select(s => (PluginKind.FailurePredictor, s)))
            .Concat(suite.ExitPolicies.Select(s => (PluginKind.ExitPolicy, s)));

    /// <summary>One line on what a suite asks for.</summary>
    public static string Describe(Suite suite) =>
        $"{suite.Datasets.Count} dataset(s) × {suite.Architectures.Count} architecture(s) × {suite.Seeds.Count} seed(s); "
        + $"{suite.Calibrators.Count} calibrator(s) × {suite.FailurePredictors.Count} failure predictor(s); "
        + $"{suite.Recipes.Count} recipe(s) ({string.Join(", ", suite.Recipes.Select(r => $"{r.Name}: {r.Epochs} epoch(s) of {r.Optimizer}, batch {r.BatchSize}"))}); device {suite.Device}";
}
