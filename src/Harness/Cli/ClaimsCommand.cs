using System.CommandLine;
using System.Text.Json;
using EarlyExitBench.Harness.Claims;
using EarlyExitBench.Harness.Reporting;
using EarlyExitBench.Harness.Storage;

namespace EarlyExitBench.Harness.Cli;

/// <summary><c>eebench claims LEADERBOARD.json [--rules v1|v2]</c>: the paper's claims, each supported, not supported or inconclusive, with the numbers behind it.</summary>
internal static class ClaimsCommand
{
    public static Command Create(CliIO io)
    {
        var leaderboard = new Argument<string>("leaderboard") { Description = "A leaderboard.json written by run, evaluate or merge" };
        var json = new Option<bool>("--json") { Description = "Print the verdicts and numbers as JSON" };
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples per interval", DefaultValueFactory = _ => new ClaimsOptions().Resamples };
        var correlations = new Option<bool>("--correlations") { Description = "Also print every group's proxy-correlation table" };
        var rules = new Option<string>("--rules") { Description = "Which rules decide: v1 (claims 1-5, seed bootstrap) or v2 (claims 1-6, two-level intervals, margins; docs/CLAIMS.md)", DefaultValueFactory = _ => ClaimsOptions.V1 };
        rules.AcceptOnlyFromAmong(ClaimsOptions.V1, ClaimsOptions.V2);
        var command = new Command("claims", "Test the paper's claims on a leaderboard (rules: docs/CLAIMS.md)") { leaderboard, json, resamples, correlations, rules };
        command.SetAction(parse => CliSupport.Guarded(parse, io, null, _ =>
        {
            var count = parse.GetValue(resamples);
            if (count < 1)
            {
                io.Errors.WriteLine($"eebench: --resamples must be at least 1, got {count}");
                return ExitCodes.BadInput;
            }

            var report = ClaimsEvaluator.Evaluate(ClaimsData.Read(parse.GetValue(leaderboard)!), new ClaimsOptions(count, Rules: parse.GetValue(rules)!));
            if (parse.GetValue(json))
            {
                io.Out.WriteLine(JsonSerializer.Serialize(report, Json.Options));
            }
            else
            {
                io.Out.Write(ClaimsSection.Render(report, parse.GetValue(correlations)));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
