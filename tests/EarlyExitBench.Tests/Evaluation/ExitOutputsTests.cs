using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Evaluation.Metrics;

namespace EarlyExitBench.Tests.Evaluation;

/// <summary>
/// <see cref="ExitOutputs.FromLogits"/>, the path every calibrator that gives logits takes, against the softmax written out
/// in double precision in the test: predictions, confidences, Brier, NLL and classwise ECE.
/// </summary>
public class ExitOutputsTests
{
    [Fact]
    public void LogitsGiveTheOutputsOfTheirSoftmaxWrittenOut()
    {
        // 16 classes (two vector blocks), logits spread over ±6 so probabilities span many bins and the scale 1/S is far
        // from 1. Expected values: p_c = exp(z_c − max z) / Σ exp(z − max z) in double; the engine's exponentials are
        // single precision (relative error about 1e-7), hence the tolerances.
        const int n = 60, classes = 16, bins = 10;
        var random = new Random(20261129);
        var rows = new float[n][];
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = [.. Enumerable.Range(0, classes).Select(_ => (float)((random.NextDouble() * 12) - 6))];
            labels[i] = random.Next(classes);
        }

        var probabilities = rows.Select(Softmax).ToArray();
        Assert.True(
            probabilities.SelectMany(p => p).All(p => p * bins < 0.5 || Math.Abs((p * bins) - Math.Round(p * bins)) > 1e-4),
            "no probability within rounding of a bin edge, so the naive binning below is exact");

        var outputs = ExitOutputs.FromLogits(TestData.Matrix(rows), labels, bins);

        double brier = 0, nll = 0;
        for (var i = 0; i < n; i++)
        {
            var p = probabilities[i];
            var argMax = Array.IndexOf(p, p.Max());
            Assert.Equal(argMax, outputs.Predictions[i]);
            Assert.Equal(argMax == labels[i], outputs.Correct[i]);
            TestData.Close(p[argMax], outputs.Confidence[i], 1e-6);
            brier += p.Select((pc, c) => Math.Pow(pc - (c == labels[i] ? 1 : 0), 2)).Sum();
            nll -= Math.Log(p[labels[i]]);
        }

        TestData.Close(brier / n, Brier.Of(outputs.Totals), 1e-6);
        TestData.Close(nll / n, Nll.Of(outputs.Totals), 1e-6);
        TestData.Close(TestData.NaiveClasswiseEce(probabilities, labels, bins), ClasswiseEce.Of(outputs.Totals), 1e-6);
        Assert.InRange(Nll.Of(outputs.Totals), 1.0, double.MaxValue); // 16 classes, random labels: far from a perfect fit
    }

    [Fact]
    public void ConfidencesNearOneStayApartAndLogProbabilitiesStayExact()
    {
        // Rows (ln 2e12, 0, 0) with label 0: p₀ = 2e12/(2e12 + 2), 1 − p₀ ≈ 1e-12. Rows (0, ln 2e9, 0) with label 0:
        // p₀ = 1/(2e9 + 2), so −log p₀ = ln(2e9 + 2) exactly, though p₀ is far below float's resolution near 1.
        var sure = Math.Log(2e12);
        var lessSure = Math.Log(2e9);
        float[][] rows = [[(float)sure, 0, 0], [0, (float)lessSure, 0]];
        int[] labels = [0, 0];

        var outputs = ExitOutputs.FromLogits(TestData.Matrix(rows), labels, 15);

        // The float logits are what the engine sees: S = 1 + 2·exp(−z) with z the float logit.
        double s0 = 1 + (2 * Math.Exp(-(double)rows[0][0])), s1 = 1 + (2 * Math.Exp(-(double)rows[1][1]));
        TestData.Close(1 / s0, outputs.Confidence[0], 1e-15);
        TestData.Close(1 / s1, outputs.Confidence[1], 1e-15);
        Assert.True(outputs.Confidence[0] > outputs.Confidence[1], "1 − 1e-12 above 1 − 1e-9");
        Assert.Equal([0, 1], outputs.Predictions);

        // NLL: −log p₀ of row 0 is log s0 ≈ 1e-12; of row 1 it is z + log s1 ≈ 21.4.
        var logP0Row1 = -(double)rows[1][1] - Math.Log(s1);
        TestData.Close((Math.Log(s0) - logP0Row1) / 2, Nll.Of(outputs.Totals), 1e-12);

        // Brier per row: Σ p² − 2 p_y + 1. Row 0: (1 − 1/s0)² + 2 (exp(−z)/s0)² ≈ 0; row 1: p₀² + (1/s1)² + p₂² − 2 p₀ + 1 ≈ 2.
        double e0 = Math.Exp(-(double)rows[0][0]) / s0, e1 = Math.Exp(-(double)rows[1][1]) / s1;
        var brier0 = Math.Pow(1 - (1 / s0), 2) + (2 * e0 * e0);
        var brier1 = (e1 * e1) + Math.Pow(1 / s1, 2) + (e1 * e1) - (2 * e1) + 1;
        TestData.Close((brier0 + brier1) / 2, Brier.Of(outputs.Totals), 1e-9);
    }

    private static double[] Softmax(float[] logits)
    {
        var max = logits.Max();
        var exponentials = logits.Select(z => Math.Exp((double)z - max)).ToArray();
        var sum = exponentials.Sum();
        return [.. exponentials.Select(e => e / sum)];
    }
}
