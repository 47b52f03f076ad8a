using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Calibrators.Standard;

namespace EarlyExitBench.Tests.Plugins.Calibrators;

public class HistogramBinningCalibratorTests
{
    private const int Classes = 10;

    [Fact]
    public void MapsASampleToItsBinsValidationAccuracy()
    {
        // Five bins of width 0.2. Bin 2 (0.2, 0.4]: four samples, two right. Bin 3 (0.4, 0.6]: three of four right.
        var confidences = new[] { 0.3, 0.3, 0.3, 0.3, 0.5, 0.5, 0.5, 0.5 };
        var correct = new[] { true, false, false, true, true, true, true, false };
        var logits = Synthetic.Matrix(confidences.Select(p => Synthetic.WithConfidence(p, Classes)).ToArray());
        var labels = correct.Select(c => c ? 0 : 1).ToArray();

        var fitted = new HistogramBinningCalibrator(new HistogramBinningOptions { Bins = 5 }).Fit(logits, labels, CancellationToken.None);
        var queries = new[] { 0.25, 0.39, 0.45, 0.59, 0.15, 0.9 };
        var output = fitted.Apply(Synthetic.Matrix(queries.Select(p => Synthetic.WithConfidence(p, Classes)).ToArray()));

        var expected = new[] { 0.5, 0.5, 0.75, 0.75, 0.15, 0.9 }; // empty bins keep the sample's confidence
        for (var i = 0; i < queries.Length; i++)
        {
            Assert.Equal(expected[i], output[i, 0], 5);
            for (var c = 1; c < Classes; c++)
            {
                Assert.Equal((1 - expected[i]) / (Classes - 1), output[i, c], 5); // equal logits share equally
            }
        }

        Assert.Equal(new Dictionary<string, double> { ["accuracy_bin_2"] = 0.5, ["accuracy_bin_3"] = 0.75 }, fitted.Parameters);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.2, 0)]
    [InlineData(0.2000001, 1)]
    [InlineData(0.4, 1)]
    [InlineData(0.99, 4)]
    [InlineData(1.0, 4)]
    public void BinsAreRightClosedAsInEce(double confidence, int bin)
    {
        Assert.Equal(bin, HistogramBinningCalibrator.Bin(confidence, 5));
    }

    [Theory]
    // Edges where ⌈p·M⌉ alone errs: 0.7·10 and 0.3·10 round above the integer, the others round down onto it (the cases
    // of CalibrationMetricsTests, found with Python). The old ⌈p·M⌉ − 1 put 0.7 of 10 bins in bin 7, ECE in bin 6.
    [InlineData(0.7, 10)]
    [InlineData(0.3, 10)]
    [InlineData(0.9, 10)]
    [InlineData(0.30000000000000004, 10)]
    [InlineData(0.33333333333333337, 3)]
    [InlineData(0.6666666666666667, 3)]
    [InlineData(0.4285714285714286, 7)]
    [InlineData(0.11111111111111112, 9)]
    [InlineData(0.0, 15)]
    [InlineData(1.0, 15)]
    public void BinsAsTheEceBinsOnEdgeCases(double confidence, int bins)
        => Assert.Equal(CalibrationMetrics.BinIndex(confidence, bins), HistogramBinningCalibrator.Bin(confidence, bins));

    [Fact]
    public void BinsAsTheEceBinsAFewUlpsAroundEveryEdge()
    {
        foreach (var bins in new[] { 3, 7, 10, 15, 20, 100 })
        {
            for (var m = 0; m <= bins; m++)
            {
                var p = (double)m / bins;
                for (var i = 0; i < 3; i++)
                {
                    p = Math.BitDecrement(p);
                }

                for (var step = 0; step < 7; step++, p = Math.BitIncrement(p))
                {
                    Assert.Equal(CalibrationMetrics.BinIndex(p, bins), HistogramBinningCalibrator.Bin(p, bins));
                }
            }
        }
    }

    [Fact]
    public void ProportionalSpreadKeepsTheOtherClassesRatios()
    {
        var logits = Synthetic.Matrix([[3.0, 1.0, 0.0, -1.0], [3.0, 1.0, 0.0, -1.0]]);
        var fitted = new HistogramBinningCalibrator(new HistogramBinningOptions { Bins = 4 }).Fit(logits, [0, 1], CancellationToken.None);

        var output = fitted.Apply(logits);

        Assert.Equal(0.5, output[0, 0], 6);
        Assert.Equal(Math.Exp(1), output[0, 1] / output[0, 2], 4);
        Assert.Equal(Math.Exp(1), output[0, 2] / output[0, 3], 4);
    }

    [Fact]
    public void RejectsZeroBins()
    {
        Assert.ThrowsAny<ArgumentException>(() => new HistogramBinningCalibrator(new HistogramBinningOptions { Bins = 0 }));
    }
}
