using System.Globalization;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.ExitPolicies.Standard;

/// <summary>
/// <c>budget</c>: MSDNet's budgeted batch classification (Huang et al. 2018). For each budget b (a
/// fraction of the last exit's cost) the shares of samples stopping at each exit are geometric,
/// f_k ∝ q^k, with q such that Σ f_k·cost_k = b·cost_{K−1} (<see cref="GeometricSchedule"/>). On
/// validation, exit k's threshold t_k is the score of the n_k-th highest-scoring sample among those
/// still running (n_k = round(N·F_k) − round(N·F_{k−1}), F cumulative), +∞ when n_k = 0; samples with
/// s_k ≥ t_k stop. A test sample stops at the first k &lt; K−1 with s_k ≥ t_k, else at the last exit.
/// Ties at a threshold can stop a few more validation samples than n_k.
/// </summary>
public sealed class BudgetPolicy : IExitPolicy
{
    private readonly double[] _budgets;

    /// <summary>Creates the policy.</summary>
    /// <param name="options">Budgets to evaluate.</param>
    public BudgetPolicy(BudgetPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Budgets);
        if (options.Budgets.Length == 0 || options.Budgets.Any(b => !(b > 0) || double.IsInfinity(b)))
        {
            throw new ArgumentException("budgets must be a non-empty list of finite numbers > 0.", nameof(options));
        }

        _budgets = [.. options.Budgets];
    }

    /// <inheritdoc />
    public IReadOnlyList<ExitAssignment> Assign(ExitPolicyInput input, CancellationToken cancellationToken)
    {
        var exits = PolicyInputCheck.Exits(input);
        var (costs, validation, test) = (input.ExitCosts.ToArray(), PolicyInputCheck.Arrays(input.ValidationScores), PolicyInputCheck.Arrays(input.TestScores));
        var assignments = new List<ExitAssignment>(_budgets.Length);
        foreach (var budget in _budgets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (fractions, _) = GeometricSchedule.Solve(costs, budget * costs[^1]);
            var thresholds = FitThresholds(validation, fractions);
            var setting = string.Create(CultureInfo.InvariantCulture, $"budget={budget:0.###}");
            assignments.Add(new ExitAssignment(setting, Apply(test, thresholds, exits)));
        }

        return assignments;
    }

    /// <summary>Per-exit thresholds (the last exit's is −∞) realising <paramref name="fractions"/> on validation.</summary>
    internal static double[] FitThresholds(IReadOnlyList<double[]> validationScores, double[] fractions)
    {
        var exits = fractions.Length;
        var samples = validationScores[0].Length;
        var counts = GeometricSchedule.Counts(fractions, samples);
        var thresholds = new double[exits];
        thresholds[^1] = double.NegativeInfinity;
        var running = Enumerable.Range(0, samples).ToList();
        for (var k = 0; k < exits - 1; k++)
        {
            var scores = validationScores[k];
            if (counts[k] == 0 || running.Count == 0)
            {
                thresholds[k] = double.PositiveInfinity;
                continue;
            }

            var ranked = running.OrderByDescending(i => scores[i]).ThenBy(i => i).ToList();
            thresholds[k] = scores[ranked[Math.Min(counts[k], ranked.Count) - 1]];
            running = running.Where(i => !(scores[i] >= thresholds[k])).ToList();
        }

        return thresholds;
    }

    /// <summary>Each sample's first exit whose score reaches its threshold; the last exit accepts all.</summary>
    internal static int[] Apply(IReadOnlyList<double[]> scores, double[] thresholds, int exits)
    {
        var samples = scores[0].Length;
        var result = new int[samples];
        for (var i = 0; i < samples; i++)
        {
            var k = 0;
            while (k < exits - 1 && !(scores[k][i] >= thresholds[k]))
            {
                k++;
            }

            result[i] = k;
        }

        return result;
    }
}
