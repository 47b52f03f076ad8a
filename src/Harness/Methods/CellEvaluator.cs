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
        var limit = new CallLimit(context.Plan.PluginTimeout, cancellationToken);
        var fitted = new Dictionary<(string, string), FittedMethod>();
        var methods = new List<MethodResult>();
        var failures = new List<FailureRecord>();
        var fits = new List<CalibratorFit>();
        var reliability = new List<CalibratorReliability>();
        var bootstrap = EfficiencyBootstrap.Create(context.Plan.EfficiencyBootstrap, bundle.TestLabels.Length);
        var rawTestOutputs = Uncalibrated(bundle);
        // Exits are computed in parallel: the failure kept per metric and method is the one at the lowest exit, whatever the thread order.
        var metricFailures = new System.Collections.Concurrent.ConcurrentDictionary<(string Plugin, string Method), (int Exit, PluginFailure Failure)>();

        foreach (var calibrator in calibrators)
        {
            cancellationToken.ThrowIfCancellationRequested();
            MultiExitOutputs validation, test;
            IReadOnlyList<IFittedCalibrator> fittedCalibrators;
            ExitOutputs[] testOutputs;
            try
            {
                (validation, test, var parameters, fittedCalibrators) = Calibrate(bundle, calibrator, cell, seed, limit);
                fits.Add(new CalibratorFit(calibrator.Label, seed, parameters));
                failures.AddRange(SilentNoOp.Check(context, calibrator, bundle, validation));

                // The exits' outputs depend on the calibrator only: computed once, in parallel, for all its methods.
                testOutputs = ExitOutputs.ForExits(test.CalibratedLogits ?? test.Probabilities, test.CalibratedLogits is not null, bundle.TestLabels, bins);
                if (test.CalibratedLogits is not null)
                {
                    test = test with { MaxProbabilities = testOutputs.Select(o => (ReadOnlyMemory<double>)o.Confidence).ToList() };
                }

                reliability.Add(new CalibratorReliability(calibrator.Label, seed, testOutputs.Select(o => ExitReliability.Compute(o.Confidence, o.Correct, bins)).ToList()));
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
                    var (scorer, scores, before) = Score(bundle, predictor, validation, test, rawTestOutputs, cell, seed, limit);
                    var method = $"{calibrator.Label}+{predictor.Label}";
                    var metrics = Metrics(context, limit, (exit, failure) => metricFailures.AddOrUpdate(
                        (failure.Plugin, method), (exit, failure), (_, kept) => exit < kept.Exit ? (exit, failure) : kept));
                    var evaluation = MethodEvaluator.Evaluate(new EvaluationInput(test.Probabilities, scores, bundle.TestLabels, bundle.ExitCost, before, bins, test.CalibratedLogits, testOutputs, metrics));
                    var correct = testOutputs.Select(o => o.Correct).ToList();
                    fitted[(calibrator.Label, predictor.Label)] = new FittedMethod(fittedCalibrators, scorer, scores, correct);
                    var replicates = bootstrap.GlobalThreshold(scores, correct, bundle.ExitCost);
                    var riskCoverage = RiskCoverage.Curves(scores, correct);
                    methods.Add(new MethodResult(calibrator.Label, predictor.Label, GlobalThreshold, seed, evaluation, replicates, riskCoverage));
                    logger.Debug("{Cell} {Calibrator}+{Predictor}: efficiency {Score:F4}", cell, calibrator.Label, predictor.Label, evaluation.Efficiency.Score);
                    if (policies.Count > 0)
                    {
                        var validationScores = Enumerable.Range(0, bundle.Exits)
                            .Select(k => CheckScores(limit.Run(predictor, $"score (exit {k + 1}, validation)", _ => scorer.Score(PluginInputs.Outputs(validation), k)), validation.Samples, predictor.Label, k))
                            .ToList();
                        var (validationPredictions, testPredictions) = (Predictions(validation), testOutputs.Select(o => o.Predictions).ToList());
                        foreach (var policy in policies)
                        {
                            try
                            {
                                var input = PluginInputs.Policy(validationScores, validationPredictions, bundle.ValidationLabels, scores, testPredictions, bundle.ExitCost);
                                var (policyEvaluation, policyReplicates) = EvaluatePolicy(policy, input, correct, evaluation, bundle, bootstrap, cell, seed, limit);
                                methods.Add(new MethodResult(calibrator.Label, predictor.Label, policy.Label, seed, policyEvaluation, policyReplicates));
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
                finally
                {
                    // Probabilities a score asked for are kept only while that method is evaluated.
                    Release(test);
                    Release(rawTestOutputs);
                }
            }

            Release(validation);
        }

        foreach (var ((_, method), (_, failure)) in metricFailures.OrderBy(f => f.Key.Method, StringComparer.Ordinal).ThenBy(f => f.Key.Plugin, StringComparer.Ordinal))
        {
            Record(failures, cell, seed, new PluginFailure(failure.Kind, failure.Plugin, $"{failure.Stage} of {method}", failure.Detail));
        }

        return new CellMethods(methods, failures, fits, reliability, fitted);
    }

    private (MultiExitOutputs Validation, MultiExitOutputs Test, IReadOnlyList<IReadOnlyDictionary<string, double>> Parameters, IReadOnlyList<IFittedCalibrator> Fitted) Calibrate(
        LogitsBundle bundle, ResolvedPlugin plugin, string cell, int seed, CallLimit limit)
    {
        var fittedPerExit = new List<IFittedCalibrator>();
        var parameters = new List<IReadOnlyDictionary<string, double>>();
        for (var k = 0; k < bundle.Exits; k++)
        {
            var fitted = limit.Run(plugin, $"fit (exit {k + 1})", token =>
                plugin.Create<ICalibrator>(logger, cell, seed).Fit(bundle.ValidationLogits[k], bundle.ValidationLabels, token));
            parameters.Add(new SortedDictionary<string, double>(fitted.Parameters.ToDictionary(), StringComparer.Ordinal));
            fittedPerExit.Add(fitted);
        }

        MultiExitOutputs Outputs(IReadOnlyList<ClassMatrix> logits, string split)
        {
            ClassMatrix Apply(int k) => CheckProbabilities(limit.Run(plugin, $"apply (exit {k + 1}, {split})", _ => fittedPerExit[k].Apply(logits[k])), logits[k], plugin.Label, k);
            if (!fittedPerExit.All(f => f is ILogitCalibration))
            {
                return new MultiExitOutputs(logits, Enumerable.Range(0, logits.Count).Select(Apply).ToList());
            }

            // Logit calibrators: probabilities come from the calibrated logits in double precision and are made only if a score reads them.
            var calibrated = Enumerable.Range(0, logits.Count)
                .Select(k => CheckLogits(limit.Run(plugin, $"calibrate logits (exit {k + 1}, {split})", _ => ((ILogitCalibration)fittedPerExit[k]).CalibrateLogits(logits[k])), logits[k], plugin.Label, k))
                .ToList();
            return new MultiExitOutputs(logits, new LazyExits<ClassMatrix>(logits.Count, Apply)) { CalibratedLogits = calibrated };
        }

        return (Outputs(bundle.ValidationLogits, "validation"), Outputs(bundle.TestLogits, "test"), parameters, fittedPerExit);
    }

    private static MultiExitOutputs Uncalibrated(LogitsBundle bundle) =>
        new(bundle.TestLogits, new LazyExits<ClassMatrix>(bundle.Exits, k => Probabilities.Softmax(bundle.TestLogits[k])))
        {
            CalibratedLogits = bundle.TestLogits,
            MaxProbabilities = new LazyExits<ReadOnlyMemory<double>>(bundle.Exits, k => MaxProbabilities(bundle.TestLogits[k])),
        };

    private static double[] MaxProbabilities(ClassMatrix logits)
    {
        var result = new double[logits.Rows];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Probabilities.MaxSoftmax(logits.Row(i));
        }

        return result;
    }

    private static void Release(MultiExitOutputs outputs) => (outputs.Probabilities as LazyExits<ClassMatrix>)?.Release();

    /// <summary>The plan's metrics, each instance made per exit behind the plugin-call boundary.</summary>
    private List<MetricDefinition> Metrics(CellContext context, CallLimit limit, Action<int, PluginFailure> report) =>
        context.Plan.Metrics
            .Select(m => new MetricDefinition(m.Plugin.Label, m.Plugin.Registration.Description, m.Info, () =>
                new GuardedMetric(m.Plugin, () => m.Plugin.Create<IExitMetric>(logger, context.Cell.Name, context.Cell.Seed), limit, report)))
            .ToList();

    /// <summary>The built-in exit policy: one global threshold, swept over every distinct score.</summary>
    public const string GlobalThreshold = "global-threshold";

    private (MethodEvaluation Evaluation, double[] Replicates) EvaluatePolicy(
        ResolvedPlugin policy, ExitPolicyInput input, IReadOnlyList<bool[]> correct, MethodEvaluation global, LogitsBundle bundle, EfficiencyBootstrap bootstrap, string cell, int seed, CallLimit limit)
    {
        var assignments = limit.Run(policy, "assign", token => policy.Create<IExitPolicy>(logger, cell, seed).Assign(input, token));
        if (assignments.Count == 0)
        {
            throw new PluginFailure("exit policy", policy.Label, "assign", "returned no operating points");
        }

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

        var replicates = bootstrap.Assigned(assignments.Select(a => a.ExitPerSample).ToList(), correct, bundle.ExitCost);
        return (new MethodEvaluation(global.PerExit, Efficiency.Compute(points, correct, bundle.ExitCost)) { Sweep = points }, replicates);
    }

    /// <summary>Per exit, the predicted class: the argmax of the calibrated logits where there are some, as the evaluation counts it.</summary>
    private static List<int[]> Predictions(MultiExitOutputs outputs)
    {
        var result = new List<int[]>(outputs.Exits);
        for (var k = 0; k < outputs.Exits; k++)
        {
            var matrix = outputs.CalibratedLogits?[k] ?? outputs.Probabilities[k];
            var predictions = new int[matrix.Rows];
            for (var i = 0; i < predictions.Length; i++)
            {
                predictions[i] = Probabilities.ArgMax(matrix.Row(i));
            }

            result.Add(predictions);
        }

        return result;
    }

    private (IConfidenceScorer Scorer, IReadOnlyList<double[]> Scores, IReadOnlyList<double[]> Before) Score(
        LogitsBundle bundle, ResolvedPlugin plugin, MultiExitOutputs validation, MultiExitOutputs test, MultiExitOutputs rawTest, string cell, int seed, CallLimit limit)
    {
        var scorer = limit.Run(plugin, "fit", token =>
            plugin.Create<IFailurePredictor>(logger, cell, seed).Fit(PluginInputs.Outputs(validation), bundle.ValidationLabels, token));
        var scores = new List<double[]>();
        for (var k = 0; k < bundle.Exits; k++)
        {
            scores.Add(CheckScores(limit.Run(plugin, $"score (exit {k + 1})", _ => scorer.Score(PluginInputs.Outputs(test), k)), test.Samples, plugin.Label, k));
        }

        // A calibrator that hands back the logits themselves (identity) leaves the scorer's input, hence its scores, unchanged.
        if (test.CalibratedLogits is { } calibrated && calibrated.Select((l, k) => ReferenceEquals(l, bundle.TestLogits[k])).All(same => same))
        {
            return (scorer, scores, scores);
        }

        var before = new List<double[]>();
        for (var k = 0; k < bundle.Exits; k++)
        {
            before.Add(CheckScores(limit.Run(plugin, $"score (exit {k + 1}, uncalibrated)", _ => scorer.Score(PluginInputs.Outputs(rawTest), k)), test.Samples, plugin.Label, k));
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

    private static ClassMatrix CheckLogits(ClassMatrix calibrated, ClassMatrix logits, string plugin, int exit)
    {
        if (ReferenceEquals(calibrated, logits))
        {
            return calibrated;
        }

        if (calibrated.Rows != logits.Rows || calibrated.Columns != logits.Columns)
        {
            throw new PluginFailure("calibrator", plugin, $"calibrate logits (exit {exit + 1})", $"returned {calibrated.Rows}×{calibrated.Columns} for {logits.Rows}×{logits.Columns} logits");
        }

        var bad = calibrated.Values.IndexOfAnyExceptInRange(float.MinValue, float.MaxValue);
        if (bad >= 0)
        {
            throw new PluginFailure("calibrator", plugin, $"calibrate logits (exit {exit + 1})", $"calibrated logit {calibrated.Values[bad]} at sample {bad / logits.Columns}, class {bad % logits.Columns} is not finite");
        }

        return calibrated;
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
