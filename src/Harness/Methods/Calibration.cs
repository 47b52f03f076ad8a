using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Harness.Methods;

/// <summary>
/// One calibrator fitted on a cell, and everything its methods share: the calibrated outputs of both splits and the test
/// exits' predictions, confidences, correctness and matrix-level metrics. Computed once per calibrator, read by every
/// failure predictor; <see cref="Release"/> drops what was made lazily when the calibrator's methods are done.
/// </summary>
internal sealed class Calibration
{
    private readonly Lazy<List<int[]>> _validationPredictions;

    public Calibration(string label, CalibratedSplits splits, ExitOutputs[] testOutputs)
    {
        Label = label;
        Fitted = splits.Fitted;
        Parameters = splits.Parameters;
        Validation = splits.Validation;
        TestOutputs = testOutputs;
        Correct = testOutputs.Select(o => o.Correct).ToList();
        TestPredictions = testOutputs.Select(o => o.Predictions).ToList();

        // msp-like scores read the confidences the outputs already hold instead of a pass over the matrices.
        Test = splits.Test.CalibratedLogits is null ? splits.Test : splits.Test with { MaxProbabilities = testOutputs.Select(o => (ReadOnlyMemory<double>)o.Confidence).ToList() };
        _validationPredictions = new(() => Predictions(Validation));
    }

    public string Label { get; }

    /// <summary>The calibrator fitted on each exit, exit 1 first.</summary>
    public IReadOnlyList<IFittedCalibrator> Fitted { get; }

    /// <summary>Each exit's fitted parameters, sorted by name.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> Parameters { get; }

    public MultiExitOutputs Validation { get; }

    public MultiExitOutputs Test { get; }

    public ExitOutputs[] TestOutputs { get; }

    /// <summary>[K][n] test correctness.</summary>
    public IReadOnlyList<bool[]> Correct { get; }

    /// <summary>[K][n] test predictions.</summary>
    public IReadOnlyList<int[]> TestPredictions { get; }

    /// <summary>[K][n] validation predictions, made when an exit policy first asks.</summary>
    public IReadOnlyList<int[]> ValidationPredictions => _validationPredictions.Value;

    /// <summary>[K][m] validation correctness: <see cref="ValidationPredictions"/> against <paramref name="labels"/>.</summary>
    public IReadOnlyList<bool[]> ValidationCorrect(int[] labels) =>
        ValidationPredictions.Select(predictions => predictions.Select((p, i) => p == labels[i]).ToArray()).ToList();

    /// <summary>Whether the test logits come back unchanged (identity): a score's input, hence its values, are then those before calibration.</summary>
    public bool KeepsTestLogits(IReadOnlyList<ClassMatrix> logits) =>
        Test.CalibratedLogits is { } calibrated && calibrated.Select((l, k) => ReferenceEquals(l, logits[k])).All(same => same);

    /// <summary>Reliability-diagram counts per exit.</summary>
    public CalibratorReliability Reliability(int seed, int bins) =>
        new(Label, seed, TestOutputs.Select(o => ExitReliability.Compute(o.Confidence, o.Correct, bins)).ToList());

    /// <summary>Drops the probabilities a score asked for; a later read makes them again.</summary>
    public void ReleaseTest() => (Test.Probabilities as LazyExits<ClassMatrix>)?.Release();

    /// <summary>Drops every lazily made matrix of both splits.</summary>
    public void Release()
    {
        ReleaseTest();
        (Validation.Probabilities as LazyExits<ClassMatrix>)?.Release();
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
}
