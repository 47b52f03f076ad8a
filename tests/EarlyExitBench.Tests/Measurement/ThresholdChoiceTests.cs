using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Measurement;

namespace EarlyExitBench.Tests.Measurement;

public class ThresholdChoiceTests
{
    // A sweep by decreasing threshold: +∞ (all at the last exit), then cheaper points.
    private static readonly OperatingPoint[] Points =
    [
        new(double.PositiveInfinity, 0.90, 100, 1.00),
        new(0.95, 0.91, 80, 0.80),
        new(0.90, 0.90, 70, 0.70),
        new(0.80, 0.88, 45, 0.45),
        new(0.70, 0.85, 30, 0.30),
        new(0.60, 0.80, 20, 0.20),
        new(0.40, 0.70, 10, 0.10),
    ];

    [Fact]
    public void PicksTheBestPointWithinEachBudgetAndTheCheapestMatchedAccuracy()
    {
        var chosen = ThresholdChoice.FromSweep(Points);

        Assert.Equal(["flops_25", "flops_50", "flops_75", "matched_accuracy"], chosen.Select(c => c.Label));

        // ≤ 25 %: 0.20 at 80 %; ≤ 50 %: 0.45 at 88 %; ≤ 75 %: the 0.70 point (90 %) is beaten by nothing cheaper, so it is on the front.
        Assert.Equal((0.20, 0.80), (chosen[0].SweepRelativeFlops, chosen[0].SweepAccuracy));
        Assert.Equal((0.45, 0.88), (chosen[1].SweepRelativeFlops, chosen[1].SweepAccuracy));
        Assert.Equal((0.70, 0.90), (chosen[2].SweepRelativeFlops, chosen[2].SweepAccuracy));

        // Matched accuracy: the cheapest point with accuracy ≥ the last exit's 90 %.
        Assert.Equal((0.70, 0.90), (chosen[3].SweepRelativeFlops, chosen[3].SweepAccuracy));
    }

    [Fact]
    public void PlacesEachThresholdMidwayToTheNextLowerOneSoItSelectsTheSamePoint()
    {
        var chosen = ThresholdChoice.FromSweep(Points);

        Assert.Equal(0.5 * (0.60 + 0.40), chosen[0].Threshold, 12);
        Assert.Equal(0.75, chosen[1].Threshold, 12);
        foreach (var choice in chosen)
        {
            var point = ExitSweep.PointAt(Points, choice.Threshold);
            Assert.Equal((choice.SweepRelativeFlops, choice.SweepAccuracy), (point.RelativeCost, point.Accuracy));
        }
    }

    [Fact]
    public void KeepsThresholdsFiniteAtTheEndsOfTheSweep()
    {
        OperatingPoint[] points = [new(double.PositiveInfinity, 0.9, 100, 1.0), new(0.5, 0.6, 10, 0.1)];

        var chosen = ThresholdChoice.FromSweep(points);

        // Every budget picks the only cheap point (the lowest threshold); matched accuracy is "no early exit".
        Assert.All(chosen.Take(3), c => Assert.True(c.Threshold < 0.5 && double.IsFinite(c.Threshold)));
        Assert.True(chosen[^1].Threshold > 0.5 && double.IsFinite(chosen[^1].Threshold));
        Assert.Equal(1.0, chosen[^1].SweepRelativeFlops);
    }

    [Fact]
    public void LeavesOutBudgetsNoThresholdReaches()
    {
        OperatingPoint[] points = [new(double.PositiveInfinity, 0.9, 100, 1.0), new(0.5, 0.6, 40, 0.4)];

        var chosen = ThresholdChoice.FromSweep(points);

        Assert.Equal(["flops_50", "flops_75", "matched_accuracy"], chosen.Select(c => c.Label));
    }

    [Fact]
    public void RejectsAParetoFrontWithoutTheNoExitPoint()
    {
        Assert.Throws<ArgumentException>(() => ThresholdChoice.FromSweep(Points.Skip(1).ToList()));
    }
}
