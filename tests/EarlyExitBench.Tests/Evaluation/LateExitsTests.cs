using EarlyExitBench.Harness.Evaluation;

namespace EarlyExitBench.Tests.Evaluation;

public class LateExitsTests
{
    // 3 exits of cost 1, 3, 10; 4 samples. Threshold 0.5:
    //   sample 0: scores 0.9 → stops at exit 0; right there → not late.
    //   sample 1: scores 0.2, 0.6 → stops at exit 1; exit 0 already right → late, wastes 3 − 1 = 2.
    //   sample 2: scores 0.1, 0.1 → stops at exit 2 (last); earliest right exit 1 → late, wastes 10 − 3 = 7.
    //   sample 3: scores 0.1, 0.1 → exit 2; never right before → not late.
    private static readonly double[][] Scores = [[0.9, 0.2, 0.1, 0.1], [0.9, 0.6, 0.1, 0.1], [1, 1, 1, 1]];
    private static readonly bool[][] Correct = [[true, true, false, false], [true, false, true, false], [true, true, true, false]];
    private static readonly double[] Costs = [1, 3, 10];

    [Fact]
    public void CountsSamplesThatAnEarlierExitAlreadyHadRight()
    {
        var result = LateExits.At(0.5, Scores, Correct, Costs);

        Assert.Equal(2, result.LateSamples);
        Assert.Equal((2.0 + 7.0) / 4, result.WastedFlops, 12);
        Assert.Equal((1.0 + 3 + 10 + 10) / 4, result.SpentFlops, 12);
        Assert.Equal(result.SpentFlops / 10, result.RelativeCost, 12);
        Assert.Equal(0.5, result.Accuracy, 12); // right where they stop: sample 0 (exit 0) and sample 2 (exit 2)
    }

    [Fact]
    public void AThresholdNoScoreReachesSendsAllToTheLastExit()
    {
        var result = LateExits.At(double.PositiveInfinity, Scores, Correct, Costs);

        // Samples 0, 1 and 2 were right before the last exit: wasted 10 − 1, 10 − 1, 10 − 3.
        Assert.Equal(3, result.LateSamples);
        Assert.Equal((9.0 + 9 + 7) / 4, result.WastedFlops, 12);
        Assert.Equal(1.0, result.RelativeCost, 12);
    }

    [Fact]
    public void AtMatchedAccuracyTakesTheCheapestPointWithinDelta()
    {
        // Last exit: 3 of 4 right; within 0.5 points means 3 of 4. The cheapest point (2 of 4) misses; 0.5 is the cheapest that makes it.
        OperatingPoint[] points = [new(0.95, 0.5, 2.0, 0.2), new(0.5, 0.75, 6.0, 0.6), new(double.PositiveInfinity, 0.75, 10, 1)];

        var result = LateExits.AtMatchedAccuracy(points, Scores, Correct, Costs, deltaPoints: 0.5)!;

        Assert.Equal(0.5, result.Threshold);
    }
}
