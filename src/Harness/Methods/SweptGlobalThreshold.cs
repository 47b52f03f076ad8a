using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Harness.Methods;

/// <summary>
/// <see cref="GlobalThresholdPolicy"/> as the host runs it: the sweep of every threshold, already part of the pair's
/// evaluation, plus its bootstrap replicates and risk–coverage curves, and the deployable efficiency: thresholds chosen on
/// the validation scores, applied to test (<see cref="Deployable"/>; none when the validation scores could not be made).
/// </summary>
/// <param name="run">The cell.</param>
internal sealed class SweptGlobalThreshold(CellRun run) : CheckedExitPolicy
{
    /// <summary>δ of the late-exit operating point, in accuracy points (the middle of cost_saved_at_matched_accuracy's).</summary>
    public const double LateExitDelta = 0.5;

    public override string Label => GlobalThresholdPolicy.Alias;

    public override bool ReadsValidationScores => true;

    public override bool NeedsValidationScores => false;

    public override MethodResult Measure(MethodContext method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var (scores, correct) = (method.Scored.Scores, method.Calibration.Correct);
        var replicates = run.Bootstrap.GlobalThreshold(scores, correct, run.Bundle.ExitCost);
        var riskCoverage = RiskCoverage.Curves(scores, correct);
        var late = LateExits.AtMatchedAccuracy(method.Scored.Evaluation.Sweep, scores, correct, run.Bundle.ExitCost, LateExitDelta);
        var evaluation = run.KeepsSweeps ? method.Scored.Evaluation : method.Scored.Evaluation with { Sweep = [] };
        var deployable = method.Scored.ValidationScores is { } validation
            ? Deployable.Compute(validation, method.Calibration.ValidationCorrect(run.Bundle.ValidationLabels), scores, correct, run.Bundle.ExitCost)
            : null;
        return new MethodResult(method.Key.Calibrator, method.Key.FailurePredictor, Label, run.Seed, evaluation, replicates, riskCoverage, late)
        {
            Deployable = deployable,
            DeployableReplicates = deployable is null ? null : run.Bootstrap.Mean(deployable.PerSample),
        };
    }
}
