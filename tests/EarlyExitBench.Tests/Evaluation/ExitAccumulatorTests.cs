using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Evaluation.Metrics;

namespace EarlyExitBench.Tests.Evaluation;

/// <summary>
/// The single pass behind <see cref="ExitOutputs"/>: classwise ECE against a naive per-class, per-bin sum, on rows wide
/// enough for the vector path and on probabilities just above a bin edge.
/// </summary>
public class ExitAccumulatorTests
{
    [Fact]
    public void Classwise_ece_of_sixteen_class_rows_matches_the_naive_sum()
    {
        // 16 classes: two full blocks of 8 floats for the vector path, so every column of both blocks (low and high
        // halves) must reach its sum. Values sit away from the edges m/10; several columns reach upper bins.
        float[][] rows =
        [
            [0.015f, 0.025f, 0.035f, 0.045f, 0.055f, 0.065f, 0.075f, 0.085f, 0.015f, 0.025f, 0.035f, 0.045f, 0.055f, 0.065f, 0.075f, 0.285f],
            [0.455f, 0.015f, 0.025f, 0.015f, 0.135f, 0.015f, 0.025f, 0.015f, 0.035f, 0.015f, 0.025f, 0.015f, 0.045f, 0.015f, 0.135f, 0.015f],
            [0.005f, 0.015f, 0.255f, 0.005f, 0.015f, 0.005f, 0.015f, 0.355f, 0.005f, 0.015f, 0.005f, 0.015f, 0.005f, 0.255f, 0.015f, 0.015f],
        ];
        int[] labels = [15, 4, 7];

        var outputs = ExitOutputs.Compute(TestData.Matrix(rows), labels, 10);

        TestData.Close(TestData.NaiveClasswiseEce([.. rows.Select(r => r.Select(p => (double)p).ToArray())], labels, 10), ClasswiseEce.Of(outputs.Totals), 1e-9);
    }

    [Fact]
    public void A_probability_just_above_a_bin_edge_is_binned_above_it()
    {
        // 0.1f = 0.100000001490116… > 1/10, so with M = 10 it lies in bin 1, (0.1, 0.2], together with its label.
        // Class 0: bin 1 holds one label and p = 0.1f → |1 − 0.1f|. Class 1: 0.9f in bin 8, no label → |0 − 0.9f|.
        // Classwise ECE = (|1 − 0.1f| + 0.9f)/2 ≈ 0.9; counting 0.1f in bin 0 would give (0.1f + 1 + 0.9f)/2 ≈ 1.
        Assert.True((double)0.1f > 0.1);
        var outputs = ExitOutputs.Compute(TestData.Matrix([[0.1f, 0.9f]]), [0], 10);
        TestData.Close((1 - (double)0.1f + (double)0.9f) / 2, ClasswiseEce.Of(outputs.Totals));
    }

    [Fact]
    public void Weights_are_binned_by_their_probability_whatever_the_scale()
    {
        // Weights e = (0.0875, 0.1625) with scale 1/S = 4 (S = 1/4): p = (0.35, 0.65), in bins 3 and 6 of M = 10. Both
        // weights are below 1/M; it is p, not e, that must be compared with the bin edges.
        // Class 0: bin 3 holds the label and p₀ → |1 − p₀|. Class 1: bin 6 holds p₁, no label → p₁. ECE = (1 − p₀ + p₁)/2.
        float[] weights = [0.0875f, 0.1625f];
        const double scale = 4;
        double p0 = weights[0] * scale, p1 = weights[1] * scale;
        var accumulator = new ExitAccumulator(2, 10);
        accumulator.Add(weights, scale, 0, Math.Log(p0));
        TestData.Close((1 - p0 + p1) / 2, ClasswiseEce.Of(accumulator.Totals(1)));
    }
}
