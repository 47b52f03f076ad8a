namespace EarlyExitBench.ExitPolicies.Standard;

/// <summary>
/// MSDNet's budgeted schedule (Huang et al. 2018): the share of samples stopping at exit k is
/// f_k ∝ q^k, with q chosen so the expected cost Σ f_k·cost_k equals the target.
/// </summary>
internal static class GeometricSchedule
{
    private const double LogQLimit = 60; // q from e^−60 (all at exit 0) to e^60 (all at the last exit)

    /// <summary>
    /// Exit shares for a target mean cost. A target at or below cost_0 sends everything to exit 0, one at
    /// or above the last exit's cost sends everything there. Expected cost grows with q when costs grow
    /// with k, so bisection on log q finds it.
    /// </summary>
    public static (double[] Fractions, double Q) Solve(double[] cumulativeCosts, double targetCost)
    {
        var exits = cumulativeCosts.Length;
        if (exits == 1 || targetCost <= cumulativeCosts[0])
        {
            return (OneHot(exits, 0), 0.0);
        }

        if (targetCost >= cumulativeCosts[^1])
        {
            return (OneHot(exits, exits - 1), double.PositiveInfinity);
        }

        var (lo, hi) = (-LogQLimit, LogQLimit);
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var mid = 0.5 * (lo + hi);
            if (ExpectedCost(cumulativeCosts, Fractions(exits, mid)) < targetCost)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var logQ = 0.5 * (lo + hi);
        return (Fractions(exits, logQ), Math.Exp(logQ));
    }

    /// <summary>f_k = q^k / Σ_j q^j, computed from log q without overflow.</summary>
    public static double[] Fractions(int exits, double logQ)
    {
        var fractions = new double[exits];
        var max = logQ > 0 ? (exits - 1) * logQ : 0.0;
        var sum = 0.0;
        for (var k = 0; k < exits; k++)
        {
            fractions[k] = Math.Exp((k * logQ) - max);
            sum += fractions[k];
        }

        for (var k = 0; k < exits; k++)
        {
            fractions[k] /= sum;
        }

        return fractions;
    }

    public static double ExpectedCost(double[] cumulativeCosts, double[] fractions)
    {
        var cost = 0.0;
        for (var k = 0; k < fractions.Length; k++)
        {
            cost += fractions[k] * cumulativeCosts[k];
        }

        return cost;
    }

    /// <summary>
    /// Whole sample counts per exit that sum to <paramref name="samples"/>: rounded cumulative shares,
    /// so rounding errors do not pile up at the last exit.
    /// </summary>
    public static int[] Counts(double[] fractions, int samples)
    {
        var counts = new int[fractions.Length];
        var (cumulative, assigned) = (0.0, 0);
        for (var k = 0; k < fractions.Length; k++)
        {
            cumulative += fractions[k];
            var upTo = k == fractions.Length - 1 ? samples : (int)Math.Round(cumulative * samples, MidpointRounding.AwayFromZero);
            upTo = Math.Clamp(upTo, assigned, samples);
            counts[k] = upTo - assigned;
            assigned = upTo;
        }

        return counts;
    }

    private static double[] OneHot(int length, int index)
    {
        var result = new double[length];
        result[index] = 1.0;
        return result;
    }
}
