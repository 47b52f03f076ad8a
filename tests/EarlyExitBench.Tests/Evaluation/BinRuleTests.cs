using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Tests.Evaluation;

/// <summary>One bin rule: Contracts' <see cref="ConfidenceBins"/>, the ECE's per-sample form and its precomputed-edge form agree.</summary>
public class BinRuleTests
{
    [Fact]
    public void EveryFormOfTheBinRuleAgreesAFewUlpsAroundEveryEdge()
    {
        foreach (var bins in new[] { 1, 2, 3, 7, 10, 15, 20, 100 })
        {
            var edges = new EqualWidthBins(bins);
            for (var m = 0; m <= bins; m++)
            {
                var p = (double)m / bins;
                for (var i = 0; i < 4; i++)
                {
                    p = Math.BitDecrement(p);
                }

                for (var step = 0; step < 9; step++, p = Math.BitIncrement(p))
                {
                    var rule = ConfidenceBins.EqualWidthIndex(p, bins);
                    Assert.Equal(rule, CalibrationMetrics.BinIndex(p, bins));
                    Assert.Equal(rule, edges.Index(p));
                }
            }
        }
    }

    [Fact]
    public void OutOfRangeProbabilitiesFallInTheEndBinsAndTheLastUpperEdgeIsOne()
    {
        // p·M with p > 1 would be past the last bin, p ≤ 0 before the first.
        Assert.Equal(9, CalibrationMetrics.BinIndex(1.5f, 10));
        Assert.Equal(9, CalibrationMetrics.BinIndex(1f, 10));
        Assert.Equal(0, CalibrationMetrics.BinIndex(-0.5f, 10));
        Assert.Equal(0, CalibrationMetrics.BinIndex(0f, 10));

        var bins = new EqualWidthBins(4);
        Assert.Equal([0.25, 0.5, 0.75, 1.0], Enumerable.Range(0, 4).Select(bins.UpperEdge));
        Assert.Equal(3, bins.Index(1.5));
        Assert.Equal(0, bins.Index(-0.5));
    }
}
