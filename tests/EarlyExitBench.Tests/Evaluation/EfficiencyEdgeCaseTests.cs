using EarlyExitBench.Harness.Evaluation;
using static EarlyExitBench.Tests.Support.Guards;

namespace EarlyExitBench.Tests.Evaluation;

/// <summary>
/// Argument checks of <see cref="Efficiency"/>, and the parts of thinning and scoring that only unusual fronts reach:
/// bins left empty, a vertex a rounding error below the last one, a front listed by falling cost.
/// </summary>
public class EfficiencyEdgeCaseTests
{
    // The two-exit toy of EfficiencyTests: costs (1, 4), last-exit accuracy 0.75.
    private static readonly bool[][] Correct = [[true, false, true, false], [true, true, true, false]];
    private static readonly double[] Costs = [1, 4];
    private static readonly OperatingPoint[] Points = [new(double.PositiveInfinity, 0.75, 4, 1), new(0.25, 0.5, 1, 0.25)];

    /// <summary>A front vertex at relative cost <paramref name="cost"/>; the threshold falls as the cost rises, as in a sweep.</summary>
    private static OperatingPoint Vertex(double cost, double accuracy) => new(1 - cost, accuracy, cost, cost);

    private static OperatingPoint[] Front(params double[] costs) => [.. costs.Select((c, j) => Vertex(c, 0.1 + (0.05 * j)))];

    [Fact]
    public void Compute_names_a_null_correctness_or_cost_argument()
    {
        NamesNull("correct", () => Efficiency.Compute(Points, null!, Costs));
        NamesNull("exitCosts", () => Efficiency.Compute(Points, Correct, null!));
    }

    [Fact]
    public void Every_other_entry_point_names_its_null_argument()
    {
        NamesNull("points", () => Efficiency.ParetoFront(null!));
        NamesNull("front", () => Efficiency.Thin(null!, 5));
        NamesNull("front", () => Efficiency.AccuracyAtBudget(null!, 0.5));

        // x_min < 1, so the front would be read; at x_min = 1 the score is the last exit's accuracy without it.
        NamesNull("front", () => Efficiency.Score(null!, 0.25, 0.75));
        NamesNull("points", () => Efficiency.CostSavedAtMatchedAccuracy(null!, Correct[1], 0, Costs));
        NamesNull("correctAtLast", () => Efficiency.CostSavedAtMatchedAccuracy(Points, null!, 0, Costs));

        // δ = 100 points: every point qualifies, so the costs are needed for the answer.
        NamesNull("exitCosts", () => Efficiency.CostSavedAtMatchedAccuracy(Points, Correct[1], 100, null!));
        NamesNull("correct", () => Efficiency.Oracle(null!, Costs));
        NamesNull("exitCosts", () => Efficiency.Oracle(Correct, null!));
    }

    [Fact]
    public void Compute_rejects_invalid_costs_and_a_correctness_count_that_does_not_match_them()
    {
        const string costs = "Exit costs must be finite, strictly positive and nondecreasing.";
        foreach (double[] invalid in new[] { new[] { 4.0, 1.0 }, [1, double.PositiveInfinity], [-1, 4] })
        {
            var error = Assert.Throws<ArgumentException>(() => Efficiency.Compute(Points, Correct, invalid));
            Assert.Equal("exitCosts", error.ParamName);
            Assert.StartsWith(costs, error.Message, StringComparison.Ordinal);
        }

        // Two exit costs but the correctness of one exit.
        var mismatch = Assert.Throws<ArgumentException>(() => Efficiency.Compute(Points, [Correct[1]], Costs));
        Assert.Equal("correct", mismatch.ParamName);
        Assert.StartsWith("Expected one correctness vector per exit.", mismatch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Thin_needs_room_for_both_ends_and_one_bin()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Efficiency.Thin(Front(0.2, 0.4, 0.6, 1), 2));
        Assert.Equal("max", error.ParamName);
        Assert.StartsWith("max ('2') must be greater than or equal to '3'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Thin_keeps_the_ends_and_the_last_inner_vertex_of_each_bin()
    {
        // max 4 → 2 bins of width (1 − 0.2)/2 = 0.4 between the ends: [0.2, 0.6) holds 0.3 and 0.5, [0.6, 1] holds 0.7
        // and 0.9. Kept: the first vertex, 0.5 (last of bin 0), 0.9 (last inner vertex of bin 1), the last vertex.
        var front = Front(0.2, 0.3, 0.5, 0.7, 0.9, 1);
        Assert.Equal([front[0], front[2], front[4], front[5]], Efficiency.Thin(front, 4));
    }

    [Fact]
    public void Thin_keeps_the_last_inner_vertex_when_all_inner_vertices_share_the_first_bin()
    {
        // max 4 → 2 bins of width (1 − 0.1)/2 = 0.45: 0.11, 0.12 and 0.13 all lie in [0.1, 0.55), the second bin is empty.
        // Kept: the first vertex, 0.13, the last vertex.
        var front = Front(0.1, 0.11, 0.12, 0.13, 1);
        Assert.Equal([front[0], front[3], front[4]], Efficiency.Thin(front, 4));
    }

    [Fact]
    public void Thin_puts_a_vertex_a_rounding_error_below_the_last_into_the_last_bin()
    {
        // max 5 → 3 bins of width (1 − 0.1)/3 = 0.3: [0.1, 0.4) ∋ 0.2, [0.4, 0.7) ∋ 0.5, [0.7, 1] ∋ 0.8, 0.9 and
        // 1 − 2⁻⁵³, whose quotient (1 − 2⁻⁵³ − 0.1)/0.3 rounds to exactly 3.0 in double: it still belongs to bin 2, so
        // 0.9 is not a bin's last vertex. Kept: the ends and 0.2, 0.5, 1 − 2⁻⁵³; five, the most allowed.
        var justBelowOne = Math.BitDecrement(1.0);
        Assert.Equal(3.0, (justBelowOne - 0.1) / ((1 - 0.1) / 3));
        var front = Front(0.1, 0.2, 0.5, 0.8, 0.9, justBelowOne, 1);
        Assert.Equal([front[0], front[1], front[2], front[5], front[6]], Efficiency.Thin(front, 5));
    }

    [Fact]
    public void Score_of_a_front_listed_by_falling_cost_equals_the_score_of_the_sorted_front()
    {
        // The steps of EfficiencyTests.Score_integrates_the_step_function, most costly first as a sweep lists them:
        // x_min = 0.2; (0.2, 0.4), (0.5, 0.6), (0.9, 0.9) → [0.4·0.3 + 0.6·0.4 + 0.9·0.1]/0.8 = 0.45/0.8. Read unsorted,
        // the best accuracy 0.9 would cover all of [0.2, 1] and give 0.9.
        OperatingPoint[] falling = [new(1, 0.9, 9, 0.9), new(2, 0.6, 5, 0.5), new(3, 0.4, 2, 0.2)];
        TestData.Close(0.45 / 0.8, Efficiency.Score(falling, 0.2, 0.8));
    }
}
