using EarlyExitBench.Harness.Measurement;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Measurement;

public class RepeatTimerTests
{
    [Fact]
    public void QuartilesInterpolateLikeNumPy()
    {
        // numpy.quantile([4, 1, 3, 2], [0.25, 0.5, 0.75]) = [1.75, 2.5, 3.25].
        Assert.Equal((1.75, 2.5, 3.25), RepeatTimer.Quartiles([4.0, 1, 3, 2]));
        Assert.Equal((7.0, 7.0, 7.0), RepeatTimer.Quartiles([7.0]));
    }

    [Fact]
    public void RunsWarmUpThenRepeatsWithinTheLimits()
    {
        var calls = 0;
        var settings = new MeasurementSettings { WarmupRepeats = 2, MinRepeats = 3, MaxRepeats = 6, MinRepeatMilliseconds = 0, MaxSecondsPerMeasurement = 10 };

        var stats = RepeatTimer.Measure(() => calls++, settings, CPU);

        Assert.InRange(stats.Repeats, 3, 6);
        Assert.Equal(1, stats.OperationsPerRepeat);
        Assert.Equal(2 + stats.Repeats, calls);
        Assert.True(stats.Q1Ms <= stats.MedianMs && stats.MedianMs <= stats.Q3Ms);
        Assert.Equal(stats.Q3Ms - stats.Q1Ms, stats.IqrMs, 12);
        if (!stats.Converged)
        {
            Assert.Equal(6, stats.Repeats);
        }
    }

    [Fact]
    public void StopsAtTheRepeatLimitWhenTheSpreadNeverNarrows()
    {
        // Durations alternate between ~0 and ~20 ms, so IQR / median stays large (with 2 ms, a loaded machine's scheduling
        // delays could make both kinds of repeat take about as long, and the spread narrowed: seen once in CI-like load).
        var slow = false;
        var settings = new MeasurementSettings { WarmupRepeats = 0, MinRepeats = 4, MaxRepeats = 8, TargetRelativeIqr = 0.01, MinRepeatMilliseconds = 0, MaxSecondsPerMeasurement = 30 };

        var stats = RepeatTimer.Measure(
            () =>
            {
                slow = !slow;
                if (slow)
                {
                    Thread.Sleep(20);
                }
            },
            settings,
            CPU);

        Assert.False(stats.Converged);
        Assert.Equal(8, stats.Repeats);
    }

    [Fact]
    public void GroupsFastOperationsIntoLongerRepeats()
    {
        var settings = new MeasurementSettings { WarmupRepeats = 1, MinRepeats = 3, MaxRepeats = 3, MinRepeatMilliseconds = 2 };

        var stats = RepeatTimer.Measure(() => { }, settings, CPU);

        Assert.True(stats.OperationsPerRepeat > 1);
    }

    [Fact]
    public void PairedTimingInterleavesBothOperations()
    {
        var (reference, candidate) = (0, 0);
        var settings = new MeasurementSettings { WarmupRepeats = 1, MinRepeats = 3, MaxRepeats = 5, MinRepeatMilliseconds = 0, MaxSecondsPerMeasurement = 10 };

        var (r, c, ratio, spread) = RepeatTimer.MeasurePaired(() => { reference++; Thread.SpinWait(2000); }, () => { candidate++; Thread.SpinWait(1000); }, settings, CPU);

        Assert.Equal(r.Repeats, c.Repeats);
        Assert.InRange(r.Repeats, 3, 5);
        Assert.Equal((1 + r.Repeats, 1 + c.Repeats), (reference, candidate));
        Assert.True(ratio > 0 && double.IsFinite(ratio) && spread >= 0);
    }

    [Fact]
    public void RejectsUnusableSettings()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RepeatTimer.Measure(() => { }, new MeasurementSettings { MinRepeats = 5, MaxRepeats = 4 }, CPU));
        Assert.Throws<ArgumentException>(() => RepeatTimer.Measure(() => { }, new MeasurementSettings { BatchSizes = [] }, CPU));
    }
}
