using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Measurement;
using EarlyExitBench.Harness.Training;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Measurement;

/// <summary>
/// Dynamic inference must make exactly the decisions the simulated sweep predicts from recorded logits.
/// </summary>
/// <remarks>
/// Float noise: on this CPU build a forward pass of one sample is not bit-identical to the same sample inside a larger
/// batch (up to ~4e-6 in the last exit's logits: libtorch takes other GEMM/convolution kernels for a single row; batches
/// of 2, 7, 64 and 300 agreed bit for bit with the 1000-sample recording). Shrinking batches mix both kinds. So the tests
/// are of two kinds: (1) batch 1 against logits recorded at batch 1 — the same kernels, so equality is required bit for
/// bit, at thresholds equal to score values, which also pins down "stop when s ≥ τ"; (2) every batch size against the
/// pipeline's 1000-sample recording, at thresholds farther from every score of both recordings than 10× the largest
/// score difference between them, after checking that both recordings imply the same decisions there. Either kind
/// fails on a wrong exit, a wrong prediction or a row mix-up after samples leave the batch.
/// </remarks>
public class DynamicInferenceTests(TrainedLeNet fixture) : IClassFixture<TrainedLeNet>
{
    public static TheoryData<string, string> Methods => new()
    {
        { "identity", "msp" },
        { "temperature", "msp" },
        { "temperature", "energy" },
        { "vector", "margin" },
        { "matrix", "consistency" },
        { "histogram", "gini" },
        { "isotonic", "entropy" },
        { "platt", "learned" },
        { "identity", "exit-aware" },
        { "identity", "max-logit" },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public void BatchOneIsBitIdenticalToTheSweepOnBatchOneLogits(string calibrator, string predictor)
    {
        var method = FittedMethod.Fit(calibrator, predictor, fixture.ValidationLogits, fixture.Validation.Labels);
        var (outputs, scores) = method.Score(LogitsRecorder.Record(fixture.Model, fixture.Test, CPU, batchSize: 1));

        // Score values themselves, where ≥ versus > matters, plus both ends.
        var pooled = scores.Take(scores.Count - 1).SelectMany(s => s).Order().ToArray();
        var thresholds = new[] { 0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0 }.Select(q => pooled[(int)(q * (pooled.Length - 1))]).Append(double.PositiveInfinity).Append(double.NegativeInfinity);

        foreach (var tau in thresholds)
        {
            var expected = Expected(outputs, scores, tau);
            var actual = DynamicInference.Run(fixture.Model, fixture.Test, new ExitRule(method.Calibrators, method.Scorer, tau), batchSize: 1, CPU);

            Assert.Equal(expected.Exits, actual.Exits);
            Assert.Equal(expected.Predictions, actual.Predictions);
            Assert.Equal(expected.Scores, actual.Scores);
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void EveryBatchSizeMakesTheSweepsDecisionsOnTheRecordedBundle(string calibrator, string predictor)
    {
        var method = FittedMethod.Fit(calibrator, predictor, fixture.ValidationLogits, fixture.Validation.Labels);
        var (outputs, scores) = method.Score(fixture.TestLogits);
        var (outputsOne, scoresOne) = method.Score(LogitsRecorder.Record(fixture.Model, fixture.Test, CPU, batchSize: 1));
        var costs = EarlyExitBench.Harness.Bundles.ExitCosts.Cumulative(fixture.Model);
        var correct = outputs.Probabilities.Select(p => Enumerable.Range(0, p.Rows).Select(i => Argmax(p.Row(i)) == fixture.Test.Labels[i]).ToArray()).ToList();
        var sweep = ExitSweep.Sweep(scores, correct, costs);
        var noise = scores.Zip(scoresOne).Max(p => p.First.Zip(p.Second).Max(s => Math.Abs(s.First - s.Second)));
        Assert.True(noise < 1e-4, $"batch-1 and batch-1000 scores differ by {noise}");
        var thresholds = SafeThresholds(scores, scoresOne, margin: Math.Max(10 * noise, 1e-9));
        Assert.True(thresholds.Count >= 5, $"only {thresholds.Count} safe thresholds (noise {noise}, {string.Join(", ", scores[0].Order().Where((_, i) => i % 30 == 0))})");

        foreach (var tau in thresholds)
        {
            var expected = Expected(outputs, scores, tau);
            var expectedOne = Expected(outputsOne, scoresOne, tau);
            Assert.Equal(expected.Exits, expectedOne.Exits);
            Assert.Equal(expected.Predictions, expectedOne.Predictions);
            var point = ExitSweep.PointAt(sweep, tau);

            foreach (var batchSize in new[] { 1, 7, 64, 200 })
            {
                var actual = DynamicInference.Run(fixture.Model, fixture.Test, new ExitRule(method.Calibrators, method.Scorer, tau), batchSize, CPU);

                Assert.Equal(expected.Exits, actual.Exits);
                Assert.Equal(expected.Predictions, actual.Predictions);
                for (var i = 0; i < actual.Count; i++)
                {
                    Assert.Equal(expected.Scores[i], actual.Scores[i], 1e-4 * Math.Max(1, Math.Abs(expected.Scores[i])));
                }

                Assert.Equal(point.Accuracy, actual.Accuracy(fixture.Test.Labels), 12);
                Assert.Equal(point.RelativeCost, actual.RelativeCost(costs), 12);
            }
        }
    }

    [Fact]
    public void SomeThresholdSpreadsTheSamplesOverEveryExit()
    {
        // Guards the test data: the equality tests above would be weak if samples never left early or never reached the end.
        var method = FittedMethod.Fit("identity", "msp", fixture.ValidationLogits, fixture.Validation.Labels);
        var (_, scores) = method.Score(fixture.TestLogits);
        var pooled = scores[0].Concat(scores[1]).Order().ToArray();

        var fewest = Enumerable.Range(1, 19)
            .Select(q => DynamicInference.Run(fixture.Model, fixture.Test, new ExitRule(method.Calibrators, method.Scorer, pooled[q * pooled.Length / 20]), 64, CPU))
            .Max(r => r.ExitCounts(3).Min());

        Assert.True(fewest >= fixture.Test.Count / 10, $"at best {fewest} samples at the least used exit");
    }

    [Fact]
    public void RejectsAMismatchedNumberOfCalibrators()
    {
        var method = FittedMethod.Fit("identity", "msp", fixture.ValidationLogits, fixture.Validation.Labels);

        Assert.Throws<ArgumentException>(() => DynamicInference.Run(fixture.Model, fixture.Test, new ExitRule(method.Calibrators.Take(2).ToList(), method.Scorer, 0.5), 1, CPU));
    }

    [Fact]
    public void HeadOutputsReachTheHostRowMajorWhateverTheirLayoutOrType()
    {
        // Shipped heads give contiguous float32 rows (the fast path); a transposed view or a float64 head takes the other.
        using var scope = NewDisposeScope();
        float[] expected = [1, 2, 3, 4, 5, 6];
        var contiguous = tensor(expected, [2, 3]);
        var transposed = tensor(new float[] { 1, 4, 2, 5, 3, 6 }, [3, 2]).t();
        var doubles = tensor(new double[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        Assert.False(transposed.is_contiguous());

        foreach (var head in new[] { contiguous, transposed, doubles })
        {
            var matrix = DynamicInference.ToMatrix(head);

            Assert.Equal((2, 3), (matrix.Rows, matrix.Columns));
            Assert.Equal(expected, matrix.Values.ToArray());
        }
    }

    /// <summary>The sweep's rule on recorded outputs: the first exit k &lt; K−1 with s_k ≥ τ, else the last.</summary>
    internal static DynamicResult Expected(MultiExitOutputs outputs, IReadOnlyList<double[]> scores, double tau)
    {
        var n = outputs.Samples;
        var result = new DynamicResult(new int[n], new int[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            var exit = 0;
            while (exit < outputs.Exits - 1 && !(scores[exit][i] >= tau))
            {
                exit++;
            }

            result.Exits[i] = exit;
            result.Predictions[i] = Argmax((outputs.CalibratedLogits ?? outputs.Probabilities)[exit].Row(i));
            result.Scores[i] = scores[exit][i];
        }

        return result;
    }

    /// <summary>Midpoints of gaps wider than 2·margin between the scores (exits before the last) of both recordings, near quantiles.</summary>
    private static List<double> SafeThresholds(IReadOnlyList<double[]> scores, IReadOnlyList<double[]> scoresOne, double margin)
    {
        var pooled = scores.Take(scores.Count - 1).Concat(scoresOne.Take(scoresOne.Count - 1)).SelectMany(s => s).Distinct().Order().ToArray();
        var result = new List<double> { pooled[0] - 1, pooled[^1] + 1 };
        foreach (var q in new[] { 0.05, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9 })
        {
            for (var j = (int)(q * (pooled.Length - 1)); j + 1 < pooled.Length; j++)
            {
                if (pooled[j + 1] - pooled[j] > 2 * margin)
                {
                    result.Add(0.5 * (pooled[j] + pooled[j + 1]));
                    break;
                }
            }
        }

        return result.Distinct().ToList();
    }

    private static int Argmax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var c = 1; c < row.Length; c++)
        {
            if (row[c] > row[best])
            {
                best = c;
            }
        }

        return best;
    }
}
