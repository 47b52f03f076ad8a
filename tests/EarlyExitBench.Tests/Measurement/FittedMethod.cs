using EarlyExitBench.Calibrators.Standard;
using EarlyExitBench.Contracts;
using EarlyExitBench.FailurePredictors.Standard;

namespace EarlyExitBench.Tests.Measurement;

/// <summary>A (calibrator, score) method fitted on validation logits exactly as <c>CellEvaluator</c> does.</summary>
internal sealed class FittedMethod
{
    private FittedMethod(IReadOnlyList<IFittedCalibrator> calibrators, IConfidenceScorer scorer)
    {
        Calibrators = calibrators;
        Scorer = scorer;
    }

    public IReadOnlyList<IFittedCalibrator> Calibrators { get; }

    public IConfidenceScorer Scorer { get; }

    public static FittedMethod Fit(string calibrator, string predictor, IReadOnlyList<ClassMatrix> validationLogits, int[] validationLabels)
    {
        var kind = Calibrator(calibrator);
        var fitted = validationLogits.Select(l => kind.Fit(l, validationLabels, CancellationToken.None)).ToList();
        var validation = new MultiExitOutputs(validationLogits, validationLogits.Select((l, k) => fitted[k].Apply(l)).ToList());
        return new FittedMethod(fitted, Predictor(predictor).Fit(validation, validationLabels, CancellationToken.None));
    }

    /// <summary>Calibrated test outputs and the test scores per exit, as the evaluation computes them.</summary>
    public (MultiExitOutputs Outputs, IReadOnlyList<double[]> Scores) Score(IReadOnlyList<ClassMatrix> logits)
    {
        // As the evaluation and dynamic inference do: logit calibrators also give calibrated logits, which scores read.
        var calibrated = Calibrators.All(c => c is ILogitCalibration)
            ? logits.Select((l, k) => ((ILogitCalibration)Calibrators[k]).CalibrateLogits(l)).ToList()
            : null;
        var outputs = new MultiExitOutputs(logits, logits.Select((l, k) => Calibrators[k].Apply(l)).ToList()) { CalibratedLogits = calibrated };
        return (outputs, Enumerable.Range(0, logits.Count).Select(k => Scorer.Score(outputs, k)).ToList());
    }

    private static ICalibrator Calibrator(string alias) => alias switch
    {
        "identity" => new IdentityCalibrator(),
        "temperature" => new TemperatureCalibrator(),
        "vector" => new VectorScalingCalibrator(),
        "matrix" => new MatrixScalingCalibrator(new MatrixScalingOptions()),
        "histogram" => new HistogramBinningCalibrator(new HistogramBinningOptions()),
        "isotonic" => new IsotonicCalibrator(),
        "platt" => new PlattCalibrator(new PlattOptions()),
        _ => throw new ArgumentOutOfRangeException(nameof(alias), alias, null),
    };

    private static IFailurePredictor Predictor(string alias) => alias switch
    {
        "msp" => new MaxSoftmaxScore(),
        "entropy" => new NegativeEntropyScore(),
        "max-logit" => new MaxLogitScore(),
        "margin" => new MarginScore(),
        "gini" => new GiniScore(),
        "energy" => new EnergyScore(),
        "consistency" => new PatienceScore(),
        "learned" => new LearnedScore(new LearnedScoreOptions()),
        "exit-aware" => new ExitAwareScore(new LearnedScoreOptions()),
        _ => throw new ArgumentOutOfRangeException(nameof(alias), alias, null),
    };
}
