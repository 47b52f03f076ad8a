using System.Runtime.CompilerServices;

namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// Deployable efficiency (docs/metrics.md, "Deployable efficiency"): thresholds chosen on validation scores only, applied
/// unchanged to the test set. For a target relative cost b, the rule takes the validation operating point of highest
/// accuracy whose validation relative cost is ≤ b (the validation Pareto front's last point at most that costly: among
/// equally accurate points the cheapest, among equally cheap ones the highest threshold). Two rules, each a one-parameter
/// family so the choice is an exact search over every validation operating point:
/// <list type="bullet">
/// <item><b>global</b>: one threshold τ for every exit (the policy of the test-set sweep, <see cref="ExitSweep"/>);</item>
/// <item><b>per-exit</b>: exit k's threshold is the same quantile q of exit k's own validation scores, i.e. the global rule
/// applied to each score's rank among its exit's validation scores (u_k(s) = #{validation j : s_k(j) ≤ s}).</item>
/// </list>
/// D(b) = the test accuracy of the point chosen for b is a step function of b (it changes only at the validation front's
/// costs), so its area is exact: <see cref="DeployableResult.Score"/> = ∫ D(b) db over [x_min, 1] / (1 − x_min), the
/// normalisation of <see cref="Efficiency.Score"/>. Test costs are reported, never used to choose.
/// </summary>
public static class Deployable
{
    /// <summary>Target relative costs of the per-budget table: 0.2, 0.3, …, 1.0. A budget below cost(1)/cost(K) is left out (no threshold meets it).</summary>
    public static IReadOnlyList<double> Budgets { get; } = [.. Enumerable.Range(2, 9).Select(tenths => tenths / 10.0)];

    /// <summary>Both rules chosen on validation and measured on test.</summary>
    /// <param name="validationScores">[K][m] validation scores; not NaN and not +∞.</param>
    /// <param name="validationCorrect">[K][m] validation correctness.</param>
    /// <param name="testScores">[K][n] test scores.</param>
    /// <param name="testCorrect">[K][n] test correctness.</param>
    /// <param name="exitCosts">[K] cumulative exit costs.</param>
    /// <returns>Scores, the per-budget table and each test sample's share of the global score.</returns>
    public static DeployableResult Compute(
        IReadOnlyList<double[]> validationScores, IReadOnlyList<bool[]> validationCorrect, IReadOnlyList<double[]> testScores, IReadOnlyList<bool[]> testCorrect, double[] exitCosts)
    {
        ExitSweep.Validate(validationScores, validationCorrect, exitCosts);
        ExitSweep.Validate(testScores, testCorrect, exitCosts);
        var global = Choose(validationScores, validationCorrect, testScores, testCorrect, exitCosts);
        var ranks = QuantileRanks.Fit(validationScores);
        var perExit = Choose(ranks.Apply(validationScores), validationCorrect, ranks.Apply(testScores), testCorrect, exitCosts);
        var testFront = Efficiency.ParetoFront(ExitSweep.Sweep(testScores, testCorrect, exitCosts));
        var budgets = new List<DeployableBudget>();
        foreach (var budget in Budgets)
        {
            if (global.At(budget) is not { } g || perExit.At(budget) is not { } p)
            {
                continue;
            }

            budgets.Add(new DeployableBudget(
                budget,
                Efficiency.AccuracyAtBudget(testFront, budget),
                g.Choice,
                p.Choice with { Thresholds = ranks.Thresholds(p.Choice.Thresholds[0]) }));
        }

        return new DeployableResult(global.Score, perExit.Score, budgets) { PerSample = global.PerSample(testScores, testCorrect) };
    }

    /// <summary>The global rule chosen on <paramref name="validationScores"/>, each choice measured on the test scores.</summary>
    private static Choices Choose(IReadOnlyList<double[]> validationScores, IReadOnlyList<bool[]> validationCorrect, IReadOnlyList<double[]> testScores, IReadOnlyList<bool[]> testCorrect, double[] exitCosts)
    {
        var front = Efficiency.ParetoFront(ExitSweep.Sweep(validationScores, validationCorrect, exitCosts));
        var test = ExitSweep.Sweep(testScores, testCorrect, exitCosts);
        var choices = front.Select(v =>
        {
            var t = ExitSweep.PointAt(test, v.Threshold);
            return new DeployedPoint([v.Threshold], v.Accuracy, v.RelativeCost, t.Accuracy, t.MeanCost, t.RelativeCost);
        }).ToList();
        return new Choices(choices, exitCosts[0] / exitCosts[^1]);
    }

    /// <summary>The validation front's choices in order of rising validation cost, with the share of [x_min, 1] each is chosen for.</summary>
    private sealed class Choices
    {
        private readonly List<DeployedPoint> _points;
        private readonly double[] _widths;
        private readonly double _minRelativeCost;

        public Choices(List<DeployedPoint> points, double minRelativeCost)
        {
            _points = points;
            _minRelativeCost = minRelativeCost;
            _widths = new double[points.Count];
            if (minRelativeCost >= 1)
            {
                // Every exit costs the same: the interval is empty and, as for the sweep's score, the one budget 1 counts.
                _widths[^1] = 1;
                Score = points[^1].Accuracy;
                return;
            }

            double area = 0;
            for (var j = 0; j < points.Count; j++)
            {
                var from = Math.Max(points[j].ValidationRelativeCost, minRelativeCost);
                var to = j + 1 < points.Count ? Math.Min(points[j + 1].ValidationRelativeCost, 1) : 1;
                _widths[j] = Math.Max(0, to - from) / (1 - minRelativeCost);
                area += points[j].Accuracy * _widths[j];
            }

            Score = area;
        }

        /// <summary>∫ D(b) db over [x_min, 1] / (1 − x_min).</summary>
        public double Score { get; }

        /// <summary>The choice for budget <paramref name="budget"/>: the last point whose validation cost is ≤ it; null when none is.</summary>
        public (DeployedPoint Choice, int Index)? At(double budget)
        {
            var index = _points.FindLastIndex(p => p.ValidationRelativeCost <= budget);
            return index < 0 ? null : (_points[index], index);
        }

        /// <summary>
        /// Each test sample's share of <see cref="Score"/>: Σ_j width_j·correct at the exit where choice j stops it, so the
        /// score is their mean and a bootstrap replicate is their weighted mean. Sample i stops at exit k under τ exactly
        /// when τ ∈ (max_{l&lt;k} s_l, s_k] (k = 1: τ ≤ s_1; the last exit: τ above every earlier score), so each exit adds
        /// the widths of the thresholds in one interval, read from prefix sums.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public double[] PerSample(IReadOnlyList<double[]> testScores, IReadOnlyList<bool[]> testCorrect)
        {
            var order = Enumerable.Range(0, _points.Count).OrderBy(j => _points[j].Thresholds[0]).ToArray();
            var taus = order.Select(j => _points[j].Thresholds[0]).ToArray();
            var prefix = new double[order.Length + 1];
            for (var t = 0; t < order.Length; t++)
            {
                prefix[t + 1] = prefix[t] + _widths[order[t]];
            }

            var (exits, n) = (testScores.Count, testCorrect[0].Length);
            var result = new double[n];
            for (var i = 0; i < n; i++)
            {
                double share = 0;
                var below = 0; // thresholds ≤ the running maximum of earlier scores (none before exit 1)
                var runningMax = double.NegativeInfinity;
                for (var k = 0; k < exits - 1; k++)
                {
                    var s = testScores[k][i];
                    if (k > 0 && !(s > runningMax))
                    {
                        continue;
                    }

                    var upTo = QuantileRanks.AtMost(taus, s);
                    share += testCorrect[k][i] ? prefix[upTo] - prefix[below] : 0;
                    (below, runningMax) = (upTo, s);
                }

                share += testCorrect[exits - 1][i] ? prefix[^1] - prefix[below] : 0;
                result[i] = share;
            }

            return result;
        }
    }
}
