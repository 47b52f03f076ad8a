using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Evaluation.Metrics;
using EarlyExitBench.Tests.Evaluation;
using EarlyExitBench.Harness.Methods;

namespace EarlyExitBench.Tests.Methods;

public class ExitReliabilityTests
{
    [Fact]
    public void HandWorkedBinsAndTheirEce()
    {
        // 10 bins of width 0.1; bin m holds (m−1)/10 < conf ≤ m/10, so 0.5 is in bin 5 and 0.55 in bin 6.
        double[] confidence = [0.95, 0.95, 0.5, 0.55];
        bool[] correct = [true, false, true, true];

        var bins = ExitReliability.Compute(confidence, correct, 10);

        Assert.Equal([0, 0, 0, 0, 1, 1, 0, 0, 0, 2], bins.Counts);
        Assert.Equal([0, 0, 0, 0, 1, 1, 0, 0, 0, 1], bins.Correct);
        Assert.Equal(0.5, bins.ConfidenceSum[4], 12);
        Assert.Equal(0.55, bins.ConfidenceSum[5], 12);
        Assert.Equal(1.9, bins.ConfidenceSum[9], 12);

        // ECE from the bins agrees with the metric computed on its own: Σ_m |correct_m − Σ conf_m| / n
        // = (|1 − 0.5| + |1 − 0.55| + |1 − 1.9|) / 4 = 0.4625.
        var fromBins = Enumerable.Range(0, 10).Sum(m => Math.Abs(bins.Correct[m] - bins.ConfidenceSum[m])) / 4;
        Assert.Equal(0.4625, fromBins, 12);
        Assert.Equal(Shipped.Calibration<Ece>(confidence, correct, 10), fromBins, 12);
    }
}
