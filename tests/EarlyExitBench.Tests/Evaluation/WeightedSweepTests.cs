using EarlyExitBench.Harness.Evaluation;
using static EarlyExitBench.Tests.Support.Guards;

namespace EarlyExitBench.Tests.Evaluation;

/// <summary>The prepared sweep walked once per resample (the efficiency bootstrap), on toys small enough to work by hand.</summary>
public class WeightedSweepTests
{
    // Two exits of cost (1, 4), three samples. Exit-1 scores 0.9, 0.6, 0.3: one event per sample, three distinct τ.
    // Sample 0 is right at both exits, sample 1 only at the last, sample 2 only at the first.
    private static readonly double[][] Scores = [[0.9, 0.6, 0.3], [0, 0, 0]];
    private static readonly bool[][] Correct = [[true, false, true], [true, true, false]];
    private static readonly double[] Costs = [1, 4];

    private static void AssertPoint(OperatingPoint expected, OperatingPoint actual)
    {
        Assert.Equal(expected.Threshold, actual.Threshold);
        TestData.Close(expected.Accuracy, actual.Accuracy);
        TestData.Close(expected.MeanCost, actual.MeanCost);
        TestData.Close(expected.RelativeCost, actual.RelativeCost);
    }

    [Fact]
    public void Unit_weights_walk_every_threshold_down_to_the_lowest()
    {
        var sweep = WeightedSweep.Create(Scores, Correct);
        var points = sweep.Walk([1, 1, 1], Costs, sweep.NewBuffer()).ToArray();

        // +∞: all at exit 2, hits 2 (samples 0, 1), cost 4. τ 0.9: sample 0 stops at exit 1, still right: cost (1 + 4 + 4)/3.
        // τ 0.6: sample 1 stops early and turns wrong: hits 1, cost (1 + 1 + 4)/3. τ 0.3: sample 2 stops early and turns
        // right: hits 2, cost 1.
        Assert.Equal(4, points.Length);
        AssertPoint(new(double.PositiveInfinity, 2 / 3.0, 4, 1), points[0]);
        AssertPoint(new(0.9, 2 / 3.0, 3, 0.75), points[1]);
        AssertPoint(new(0.6, 1 / 3.0, 2, 0.5), points[2]);
        AssertPoint(new(0.3, 2 / 3.0, 1, 0.25), points[3]);
    }

    [Fact]
    public void A_threshold_whose_only_sample_was_not_drawn_gives_no_point()
    {
        // The resample draws sample 0 twice, sample 1 never, sample 2 once (n = 3 still).
        // +∞: hits 2·1 + 0 + 1·0 = 2, cost 4. τ 0.9: both copies of sample 0 stop at exit 1, still right: hits 2, cost
        // (1 + 1 + 4)/3 = 2. τ 0.6 moves only sample 1, weight 0: no point. τ 0.3: sample 2 turns right: hits 3, cost 1.
        var sweep = WeightedSweep.Create(Scores, Correct);
        var points = sweep.Walk([2, 0, 1], Costs, sweep.NewBuffer()).ToArray();

        Assert.Equal(3, points.Length);
        AssertPoint(new(double.PositiveInfinity, 2 / 3.0, 4, 1), points[0]);
        AssertPoint(new(0.9, 2 / 3.0, 2, 0.5), points[1]);
        AssertPoint(new(0.3, 1, 1, 0.25), points[2]);

        // The same as sweeping the resample materialised sample by sample (0, 0, 2), bit for bit.
        var materialised = ExitSweep.Sweep([[0.9, 0.9, 0.3], [0, 0, 0]], [[true, true, true], [true, true, false]], Costs);
        Assert.Equal(materialised, points);
        Assert.Equal(2, sweep.LastExitHits([2, 0, 1]));
    }

    [Fact]
    public void The_buffer_holds_one_point_per_distinct_threshold_and_the_infinite_one()
    {
        // Three samples share the exit-1 score 0.5: three events but one distinct τ, so the longest walk has two points
        // (+∞ and 0.5), and unit weights fill the buffer exactly.
        var sweep = WeightedSweep.Create([[0.5, 0.5, 0.5], [0, 0, 0]], Correct);
        var buffer = sweep.NewBuffer();
        Assert.Equal(2, buffer.Length);
        Assert.Equal(2, sweep.Walk([1, 1, 1], Costs, buffer).Length);
    }

    [Fact]
    public void Every_entry_point_names_its_null_argument()
    {
        NamesNull("scores", () => WeightedSweep.Create(null!, Correct));
        NamesNull("correct", () => WeightedSweep.Create(Scores, null!));

        var sweep = WeightedSweep.Create(Scores, Correct);
        NamesNull("exitCosts", () => sweep.Walk([1, 1, 1], null!, sweep.NewBuffer()));
        NamesNull("buffer", () => sweep.Walk([1, 1, 1], Costs, null!));
        NamesNull("weights", () => sweep.LastExitHits(null!));
    }
}
