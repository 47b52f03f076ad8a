using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Suites;
using Serilog;

namespace EarlyExitBench.Harness.Pipeline;

/// <summary>Evaluates a bring-your-own-logits bundle into the same leaderboard as a suite run.</summary>
public static class BundleEvaluation
{
    /// <summary>Runs every method on <paramref name="bundle"/>; exits carry costs but no parameter counts.</summary>
    public static LeaderboardDocument Evaluate(
        LogitsBundle bundle,
        string file,
        IReadOnlyList<ResolvedPlugin> calibrators,
        IReadOnlyList<ResolvedPlugin> predictors,
        EvaluationSpec evaluation,
        string commandLine,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(evaluation);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var cell = $"{bundle.Dataset}/{bundle.Architecture}/bundle";
        var result = new CellEvaluator(logger).Evaluate(bundle, cell, 0, calibrators, predictors, [], evaluation.Bins, CancellationToken.None);
        var last = bundle.ExitCost[^1];
        var exits = bundle.ExitCost.Select((c, i) => new ExitInfo(i + 1, c, c / last, null, null, null)).ToList();
        var groups = result.Methods.Count == 0
            ? new List<GroupResult>()
            : [new GroupResult(bundle.Dataset, bundle.Architecture, "{}", exits, GroupAssembler.Rank(result.Methods), GroupAssembler.Correlate(result.Methods, evaluation.BootstrapResamples, 0), GroupAssembler.Correlate(result.Methods, evaluation.BootstrapResamples, 0, pooled: true), GroupAssembler.CorrelateByPolicy(result.Methods, evaluation.BootstrapResamples, 0), result.Fits)];
        return new LeaderboardDocument(
            LeaderboardDocument.CurrentSchemaVersion,
            new SuiteSummary("evaluate", file, [0], "cpu", null, evaluation),
            "as given by the bundle's exit_cost",
            groups,
            result.Failures,
            new EnvironmentInfo(Environment.MachineName, System.Runtime.InteropServices.RuntimeInformation.OSDescription, Environment.ProcessorCount,
                System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "?", "cpu", 0,
                DateTimeOffset.UtcNow.ToString("O"), commandLine),
            new TimingInfo(Math.Round(watch.Elapsed.TotalSeconds, 3), [new PhaseTiming(cell, "evaluate", Math.Round(watch.Elapsed.TotalSeconds, 3), false)], []));
    }
}
