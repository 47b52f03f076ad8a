using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;
using Serilog;

namespace EarlyExitBench.Harness.Methods;

/// <summary>
/// Evaluates the methods of one cell on its logits bundle. A method is a (calibrator, failure predictor, exit policy)
/// (<see cref="MethodKey"/>); each runs fit → score → assign → measure: the calibrator is fitted per exit on validation
/// and its outputs are shared by all its methods, the failure predictor is fitted on them and scored on test, each exit
/// policy turns the scores into operating points, and the metrics and efficiency are measured on test. A plugin that
/// throws fails only its own methods; one method evaluated alone gives the same result as within the whole cell.
/// </summary>
/// <param name="logger">The cell's log.</param>
/// <param name="keepsSweeps">Keep every method's whole sweep (for <c>--full-sweeps</c>); otherwise it is dropped once the front is thinned.</param>
public sealed class CellEvaluator(ILogger logger, bool keepsSweeps = true)
{
    /// <summary>Runs every method of the plan on <paramref name="bundle"/>.</summary>
    public CellMethods Evaluate(CellContext context, LogitsBundle bundle) => Evaluate(context, bundle, _ => true);

    /// <summary>
    /// Runs the methods of the plan that <paramref name="select"/> keeps, each with the same result as in the whole cell;
    /// a calibrator or failure predictor none of them uses is not fitted.
    /// </summary>
    public CellMethods Evaluate(CellContext context, LogitsBundle bundle, Func<MethodKey, bool> select)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(select);
        var run = new CellRun(context, bundle, logger, keepsSweeps);
        var policies = CheckedExitPolicy.Of(run);
        var results = new CellMethodsBuilder();
        foreach (var calibrator in context.Plan.Calibrators)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var pairs = context.Plan.FailurePredictors
                .Select(p => (Predictor: p, Policies: policies.Where(policy => select(new MethodKey(calibrator.Label, p.Label, policy.Label))).ToList()))
                .Where(p => p.Policies.Count > 0)
                .ToList();
            if (pairs.Count == 0 || Calibrate(run, calibrator) is not { } calibration)
            {
                continue;
            }

            run.Add(SilentNoOp.Check(context, calibrator, bundle, calibration.Validation));
            results.Add(calibration, run);
            foreach (var (predictor, selected) in pairs)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                results.Add(EvaluatePair(run, calibration, predictor, selected), run.KeepsFitted);
            }

            calibration.Release();
            ReturnMemory();
        }

        return results.Build(run.Failures());
    }

    /// <summary>
    /// A calibrator's outputs (hundreds of MB on a large bundle) are garbage once its methods are done; the collector's
    /// budgets would let several calibrators' worth pile up before a full collection, so one is run here, between
    /// calibrators. Not compacting: that would copy the bundle's logits for nothing.
    /// </summary>
    private static void ReturnMemory() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);

    /// <summary>Fit: the calibrator on every exit, its outputs shared by its methods; null (the failure recorded) if it fails.</summary>
    private static Calibration? Calibrate(CellRun run, ResolvedPlugin calibrator)
    {
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var calibration = new CheckedCalibrator(run, calibrator).Calibrate();
            run.Logger.Debug("{Cell} {Calibrator}: fitted and applied in {Seconds:F2} s", run.Cell, calibrator.Label, watch.Elapsed.TotalSeconds);
            return calibration;
        }
        catch (PluginFailure failure)
        {
            run.Record(failure);
            return null;
        }
    }

    /// <summary>Score, then assign and measure: one (calibrator, failure predictor) under each selected exit policy.</summary>
    private static PairResults EvaluatePair(CellRun run, Calibration calibration, ResolvedPlugin predictor, IReadOnlyList<CheckedExitPolicy> policies)
    {
        var methods = new List<MethodResult>();
        ScoredMethod? scored = null;
        try
        {
            var checkedPredictor = new CheckedFailurePredictor(run, predictor);
            scored = Score(run, calibration, checkedPredictor, predictor.Label);
            var validationFailed = false;
            foreach (var policy in policies)
            {
                // Validation scores only for the policies that read them, once; if they fail, so do the policies that need
                // them, while the global threshold keeps its sweep and goes without its deployable efficiency.
                if (policy.ReadsValidationScores && scored.ValidationScores is null && (policy.NeedsValidationScores || !validationFailed))
                {
                    try
                    {
                        scored = scored with { ValidationScores = checkedPredictor.Score(scored.Scorer, calibration.Validation, ", validation") };
                    }
                    catch (PluginFailure failure) when (!policy.NeedsValidationScores)
                    {
                        run.Record(failure);
                        validationFailed = true;
                    }
                }

                try
                {
                    methods.Add(policy.Measure(new MethodContext(new MethodKey(calibration.Label, predictor.Label, policy.Label), run, calibration, scored)));
                }
                catch (PluginFailure failure)
                {
                    run.Record(failure);
                }
            }
        }
        catch (PluginFailure failure)
        {
            run.Record(failure);
        }
        finally
        {
            // Probabilities a score asked for are kept only while that method is evaluated.
            calibration.ReleaseTest();
            run.ReleaseRaw();
        }

        return new PairResults(calibration, predictor.Label, scored, methods);
    }

    /// <summary>Fit the failure predictor, score both outputs, measure every metric and the global-threshold sweep.</summary>
    private static ScoredMethod Score(CellRun run, Calibration calibration, CheckedFailurePredictor predictor, string label)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var bundle = run.Bundle;
        var scorer = predictor.Fit(calibration);
        var scores = predictor.Score(scorer, calibration.Test, string.Empty);

        // Probabilities a score asked for are dropped as soon as it is done: the evaluation reads the calibrated logits or
        // the outputs, and a metric that reads probabilities makes its exit's again.
        calibration.ReleaseTest();

        // A calibrator that hands back the logits themselves (identity) leaves the scorer's input, hence its scores, unchanged.
        var before = calibration.KeepsTestLogits(bundle.TestLogits) ? scores : predictor.Score(scorer, run.RawTest, ", uncalibrated");
        run.ReleaseRaw();
        var key = MethodKey.GlobalThreshold(calibration.Label, label);
        var evaluation = MethodEvaluator.Evaluate(new EvaluationInput(
            calibration.Test.Probabilities, scores, bundle.TestLabels, bundle.ExitCost, before, run.Bins, calibration.Test.CalibratedLogits, calibration.TestOutputs, run.Metrics(key)));
        run.Logger.Debug("{Cell} {Calibrator}+{Predictor}: efficiency {Score:F4} ({Seconds:F2} s)", run.Cell, calibration.Label, label, evaluation.Efficiency.Score, watch.Elapsed.TotalSeconds);
        return new ScoredMethod(scorer, scores, evaluation, null);
    }
}
