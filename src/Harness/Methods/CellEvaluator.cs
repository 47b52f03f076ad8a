using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Plugins;
using Serilog;

namespace EarlyExitBench.Harness.Methods;

/// <summary>
/// Evaluates every (calibrator × failure predictor) on one logits bundle: calibrators fitted per exit on
/// validation, scores fitted on calibrated validation outputs, metrics on test. A plugin that throws
/// fails only its own methods.
/// </summary>
public sealed class CellEvaluator(ILogger logger)
{
    /// <summary>Runs every method of the plan on <paramref name="bundle"/>.</summary>
    public CellMethods Evaluate(CellContext context, LogitsBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(bundle);
        var (cell, seed, cancellationToken) = (context.Cell.Name, context.Cell.Seed, context.CancellationToken);
        var (calibrators, predictors, policies, bins) = (context.Plan.Calibrators, context.Plan.FailurePredictors, context.Plan.ExitPolicies, context.Plan.Bins);
        var fitted = new Dictionary<(string, string), FittedMethod>();
        var methods = new List<MethodResult>();
        var failures = new List<FailureRecord>();
        var fits = new List<CalibratorFit>();
        var rawTest = bundle.TestLogits.Select(l => Probabilities.Softmax(l)).ToList();
        var rawTestOutputs = new MultiExitOutputs(bundle.TestLogits, rawTest);

        foreach (var calibrator in calibrators)
        {
            cancellationToken.ThrowIfCancellationRequested();
            MultiExitOutputs validation, test;
            IReadOnlyList<IFittedCalibrator> fittedCalibrators;
            try
            {
                (validation, test, var parameters, fittedCalibrators) = Calibrate(bundle, calibrator, cell, seed, cancellationToken);
                fits.Add(new CalibratorFit(calibrator.Label, seed, parameters));
            }
            catch (PluginFailure failure)
            {
                Record(failures, cell, seed, failure);
                continue;
            }

            foreach (var predictor in predictors)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var (scorer, scores, before) = Score(bundle, predictor, validation, test, rawTestOutputs, cell, seed, cancellationToken);
                    var evaluation = MethodEvaluator.Evaluate(new EvaluationInput(test.Probabilities, scores, bundle.TestLabels, bundle.ExitCost, before, bins));
                    fitted[(calibrator.Label, predictor.Label)] = new FittedMethod(fittedCalibrators, scorer, scores, Correct(test.Probabilities, bundle.TestLabels));
                    methods.Add(new MethodResult(calibrator.Label, predictor.Label, GlobalThreshold, seed, evaluation));
                    logger.Debug("{Cell} {Calibrator}+{Predictor}: efficiency {Score:F4}", cell, calibrator.Label, predictor.Label, evaluation.Efficiency.Score);
                    if (policies.Count > 0)
                    {
                        var validationScores = Enumerable.Range(0, bundle.Exits)
                            .Select(k => CheckScores(PluginCall.Run(predictor, $"score (exit {k + 1}, validation)", () => scorer.Score(validation, k)), validation.Samples, predictor.Label, k))
                            .ToList();
                        var input = new ExitPolicyInput(
                            validationScores,
                            validation.Probabilities.Select(Predictions).ToList(),
                            bundle.ValidationLabels,
                            scores,
                            test.Probabilities.Select(Predictions).ToList(),
                            bundle.ExitCost);
                        foreach (var policy in policies)
                        {
                            try
                            {
                                methods.Add(new MethodResult(calibrator.Label, predictor.Label, policy.Label, seed, EvaluatePolicy(policy, input, evaluation, bundle, cell, seed, cancellationToken)));
                            }
                            catch (PluginFailure failure)
                            {
                                Record(failures, cell, seed, failure);
                            }
                        }
                    }
                }
                catch (PluginFailure failure)
                {
                    Record(failures, cell, seed, failure);
                }
            }
        }

        return new CellMethods(methods, failures, fits, fitted);
    }

    private (MultiExitOutputs Validation, MultiExitOutputs Test, IReadOnlyList<IReadOnlyDictionary<string, double>> Parameters, IReadOnlyList<IFittedCalibrator> Fitted) Calibrate(
        LogitsBundle bundle, ResolvedPlugin plugin, string cell, int seed, CancellationToken cancellationToken)
    {
        var fittedPerExit = new List<IFittedCalibrator>();
        var validation = new List<ClassMatrix>();
        var test = new List<ClassMatrix>();
        var parameters = new List<IReadOnlyDictionary<string, double>>();
        for (var k = 0; k < bundle.Exits; k++)
        {
            var fitted = PluginCall.Run(plugin, $"fit (exit {k + 1})", () =>
                plugin.Create<ICalibrator>(logger, cell, seed).Fit(bundle.ValidationLogits[k], bundle.ValidationLabels, cancellationToken));
            validation.Add(CheckProbabilities(PluginCall.Run(plugin, $"apply (exit {k + 1}, validation)", () => fitted.Apply(bundle.ValidationLogits[k])), bundle.ValidationLogits[k], plugin.Label, k));
            test.Add(CheckProbabilities(PluginCall.Run(plugin, $"apply (exit {k + 1}, test)", () => fitted.Apply(bundle.TestLogits[k])), bundle.TestLogits[k], plugin.Label, k));
            parameters.Add(new SortedDictionary<string, double>(fitted.Parameters.ToDictionary(), StringComparer.Ordinal));
            fittedPerExit.Add(fitted);
        }

        return (new MultiExitOutputs(bundle.ValidationLogits, validation), new MultiExitOutputs(bundle.TestLogits, test), parameters, fittedPerExit);
    }

    /// <summary>The built-in exit policy: one global threshold, swept over every distinct score.</summary>
    public const string GlobalThreshold = "global-threshold";

    private MethodEvaluation EvaluatePolicy(ResolvedPlugin policy, ExitPolicyInput input, MethodEvaluation global, LogitsBundle bundle, string cell, int seed, CancellationToken cancellationToken)
    {
        var assignments = PluginCall.Run(policy, "assign", () => policy.Create<IExitPolicy>(logger, cell, seed).Assign(input, cancellationToken));
        if (assignments.Count == 0)
        {
            throw new PluginFailure("exit policy", policy.Label, "assign", "returned no operating points");
        }

        var correct = input.TestPredictions.Select(p => p.Select((c, i) => c == bundle.TestLabels[i]).ToArray()).ToList();
        var last = bundle.ExitCost[^1];
        var points = new List<OperatingPoint>();
        foreach (var (assignment, index) in assignments.Select((a, i) => (a, i)))
        {
            var exits = assignment.ExitPerSample;
            if (exits is null || exits.Length != bundle.TestLabels.Length || exits.Any(e => e < 0 || e >= bundle.Exits))
            {
                throw new PluginFailure("exit policy", policy.Label, $"assign ({assignment.Setting})", $"must give an exit in 0..{bundle.Exits - 1} for each of the {bundle.TestLabels.Length} test samples");
            }

            var accuracy = (double)exits.Select((e, i) => correct[e][i]).Count(c => c) / exits.Length;
            var cost = exits.Average(e => bundle.ExitCost[e]);
            points.Add(new OperatingPoint(index, accuracy, cost, cost / last));
        }

        return new MethodEvaluation(global.PerExit, Efficiency.Compute(points, correct, bundle.ExitCost));
    }

    private static int[] Predictions(ClassMatrix probabilities)
    {
        var result = new int[probabilities.Rows];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Probabilities.ArgMax(probabilities.Row(i));
        }

        return result;
    }

    private static IReadOnlyList<bool[]> Correct(IReadOnlyList<ClassMatrix> probabilities, int[] labels) =>
        probabilities.Select(p => Predictions(p).Select((c, i) => c == labels[i]).ToArray()).ToList();

    private (IConfidenceScorer Scorer, IReadOnlyList<double[]> Scores, IReadOnlyList<double[]> Before) Score(
        LogitsBundle bundle, ResolvedPlugin plugin, MultiExitOutputs validation, MultiExitOutputs test, MultiExitOutputs rawTest, string cell, int seed, CancellationToken cancellationToken)
    {
        var scorer = PluginCall.Run(plugin, "fit", () =>
            plugin.Create<IFailurePredictor>(logger, cell, seed).Fit(validation, bundle.ValidationLabels, cancellationToken));
        var scores = new List<double[]>();
        var before = new List<double[]>();
        for (var k = 0; k < bundle.Exits; k++)
        {
            scores.Add(CheckScores(PluginCall.Run(plugin, $"score (exit {k + 1})", () => scorer.Score(test, k)), test.Samples, plugin.Label, k));
            before.Add(CheckScores(PluginCall.Run(plugin, $"score (exit {k + 1}, uncalibrated)", () => scorer.Score(rawTest, k)), test.Samples, plugin.Label, k));
        }

        return (scorer, scores, before);
    }

    private static ClassMatrix CheckProbabilities(ClassMatrix probabilities, ClassMatrix logits, string plugin, int exit)
    {
        if (probabilities.Rows != logits.Rows || probabilities.Columns != logits.Columns)
        {
            throw new PluginFailure("calibrator", plugin, $"apply (exit {exit + 1})", $"returned {probabilities.Rows}×{probabilities.Columns} for {logits.Rows}×{logits.Columns} logits");
        }

        var values = probabilities.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]) || values[i] < 0 || values[i] > 1.0001f)
            {
                throw new PluginFailure("calibrator", plugin, $"apply (exit {exit + 1})", $"probability {values[i]} at sample {i / logits.Columns}, class {i % logits.Columns} is not in [0, 1]");
            }
        }

        return probabilities;
    }

    private static double[] CheckScores(double[] scores, int samples, string plugin, int exit)
    {
        if (scores.Length != samples)
        {
            throw new PluginFailure("failure predictor", plugin, $"score (exit {exit + 1})", $"returned {scores.Length} scores for {samples} samples");
        }

        var bad = Array.FindIndex(scores, s => !double.IsFinite(s));
        if (bad >= 0)
        {
            throw new PluginFailure("failure predictor", plugin, $"score (exit {exit + 1})", $"score {scores[bad]} at sample {bad} is not finite");
        }

        return scores;
    }

    private void Record(List<FailureRecord> failures, string cell, int seed, PluginFailure failure)
    {
        logger.Error("{Cell} seed {Seed}: {Kind} '{Plugin}' failed in {Stage}: {Message}", cell, seed, failure.Kind, failure.Plugin, failure.Stage, failure.Detail);
        failures.Add(FailureRecord.Of(cell, seed, failure));
    }
}
