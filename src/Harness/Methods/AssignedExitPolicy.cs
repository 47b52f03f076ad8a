using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Testing;

namespace EarlyExitBench.Harness.Methods;

/// <summary>
/// A plugin exit policy behind the plugin-call boundary: the call guarded, its assignments checked (at least one
/// operating point; an exit in range for every test sample), then each point's accuracy and cost and the efficiency.
/// </summary>
/// <param name="run">The cell.</param>
/// <param name="plugin">The exit policy.</param>
internal sealed class AssignedExitPolicy(CellRun run, ResolvedPlugin plugin) : CheckedExitPolicy
{
    private const string Kind = "exit policy";

    public override string Label => plugin.Label;

    public override bool ReadsValidationScores => true;

    public override MethodResult Measure(MethodContext method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var (bundle, calibration, scored) = (run.Bundle, method.Calibration, method.Scored);
        var input = PluginInputs.Policy(scored.ValidationScores!, calibration.ValidationPredictions, bundle.ValidationLabels, scored.Scores, calibration.TestPredictions, bundle.ExitCost);
        var assignments = run.Limit.Run(plugin, "assign", token => run.Create<IExitPolicy>(plugin).Assign(input, token));
        if (OutputChecks.ExitAssignments(assignments, bundle.TestLabels.Length, bundle.ExitCost.Length) is (var setting, var problem))
        {
            throw new PluginFailure(Kind, plugin.Label, setting is null ? "assign" : $"assign ({setting})", problem);
        }

        var (correct, costs) = (calibration.Correct, bundle.ExitCost);
        var points = assignments.Select((a, index) => Point(a, index, correct)).ToList();
        var replicates = run.Bootstrap.Assigned(assignments.Select(a => a.ExitPerSample).ToList(), correct, costs);
        var evaluation = new MethodEvaluation(scored.Evaluation.PerExit, Efficiency.Compute(points, correct, costs)) { Sweep = run.KeepsSweeps ? points : [] };
        return new MethodResult(method.Key.Calibrator, method.Key.FailurePredictor, plugin.Label, run.Seed, evaluation, replicates);
    }

    private OperatingPoint Point(ExitAssignment assignment, int index, IReadOnlyList<bool[]> correct)
    {
        var (exits, exitCosts) = (assignment.ExitPerSample, run.Bundle.ExitCost);
        var accuracy = (double)exits.Select((e, i) => correct[e][i]).Count(c => c) / exits.Length;
        var cost = exits.Average(e => exitCosts[e]);
        return new OperatingPoint(index, accuracy, cost, cost / exitCosts[^1]);
    }
}
