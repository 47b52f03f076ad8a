using EarlyExitBench.Harness.Reporting.Web;

namespace EarlyExitBench.Tests.Reporting.Web;

/// <summary>The drawing arithmetic against values worked out by hand.</summary>
public class ChartGeometryTests
{
    [Theory]
    [InlineData(1.0, 5, 0.2)] // 1/5 = 0.2 → 2 × 0.1
    [InlineData(0.08, 5, 0.02)] // 0.016 → mantissa 1.6 rounds up to 2 → 0.02
    [InlineData(0.37, 5, 0.1)] // 0.074 → mantissa 7.4 rounds up to 10 → 0.1
    [InlineData(30.0, 5, 10.0)] // 6 → 10
    [InlineData(1.0, 10, 0.1)] // 0.1 exactly
    [InlineData(4.0, 5, 1.0)] // 0.8 → mantissa 8 → 10 × 0.1 = 1
    public void TheTickStepIsOneTwoOrFiveTimesAPowerOfTen(double span, int ticks, double step) =>
        Assert.Equal(step, ChartGeometry.NiceStep(span, ticks), 12);

    [Fact]
    public void TicksAreTheStepsMultiplesInsideTheRange()
    {
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], ChartGeometry.Ticks(0, 1));

        // [0.82, 0.92] at 5 ticks: step 0.02, so 0.82, 0.84, …, 0.92 (6 values, each rounded to 2 decimals).
        Assert.Equal([0.82, 0.84, 0.86, 0.88, 0.9, 0.92], ChartGeometry.Ticks(0.82, 0.92));

        // A range that does not start on a step: the first tick is the next multiple.
        Assert.Equal([0.2, 0.4], ChartGeometry.Ticks(0.15, 0.5, 2));
    }

    [Theory]
    [InlineData(1.0, 0)]
    [InlineData(0.2, 1)]
    [InlineData(0.05, 2)]
    [InlineData(10.0, 0)]
    public void TickLabelsGetTheStepsDecimals(double step, int decimals) => Assert.Equal(decimals, ChartGeometry.Decimals(step));

    [Fact]
    public void ARangeIsWidenedToWholeSteps()
    {
        // 0.83..0.91: span 0.08, step 0.02; floor(41.5) = 41 → 0.82, ceil(45.5) = 46 → 0.92.
        Assert.Equal((0.82, 0.92), ChartGeometry.NiceRange([0.91, 0.83, 0.85]));

        // Already on steps: unchanged.
        Assert.Equal((0.0, 1.0), ChartGeometry.NiceRange([0.0, 1.0]));

        // One value: ±5% (2 → 1.9..2.1, span 0.2, step 0.05 → already whole steps).
        Assert.Equal((1.9, 2.1), ChartGeometry.NiceRange([2.0, 2.0]));

        // Non-finite values are left out; nothing left gives [0, 1].
        Assert.Equal((0.0, 1.0), ChartGeometry.NiceRange([double.NaN, double.PositiveInfinity]));
        Assert.Equal((-1.0, 1.0), ChartGeometry.NiceRange([0.0]));
    }

    [Fact]
    public void AParetoFrontIsDrawnAsStepsThatHoldUntilTheNextCost()
    {
        // A(x) = 0.5 on [0.2, 0.5), 0.7 on [0.5, 0.8), 0.9 on [0.8, 1].
        var corners = ChartGeometry.Steps([(0.2, 0.5), (0.5, 0.7), (0.8, 0.9)], 1.0);

        Assert.Equal([(0.2, 0.5), (0.5, 0.5), (0.5, 0.7), (0.8, 0.7), (0.8, 0.9), (1.0, 0.9)], corners);
    }

    [Fact]
    public void AFrontThatReachesTheEndDoesNotStepBack()
    {
        Assert.Equal([(0.4, 0.6), (1.0, 0.6), (1.0, 0.8), (1.0, 0.8)], ChartGeometry.Steps([(0.4, 0.6), (1.0, 0.8)], 1.0));
    }

    [Fact]
    public void ValuesMapLinearlyOntoPixelsWithYFlipped()
    {
        // x: [0, 1] onto [54, 346]: 0.25 → 54 + 0.25 × 292 = 127.
        Assert.Equal(127, ChartGeometry.Scale(0.25, 0, 1, 54, 346), 9);

        // y: [0, 1] onto [278, 30] (SVG's y grows downwards): 0.25 → 278 − 0.25 × 248 = 216.
        Assert.Equal(216, ChartGeometry.Scale(0.25, 0, 1, 278, 30), 9);

        // [0.8, 0.9] onto [100, 0]: 0.875 → 100 − 0.75 × 100 = 25.
        Assert.Equal(25, ChartGeometry.Scale(0.875, 0.8, 0.9, 100, 0), 9);

        // A degenerate range sits in the middle.
        Assert.Equal(50, ChartGeometry.Scale(3, 1, 1, 0, 100), 9);
    }
}
