namespace EarlyExitBench.Harness.Evaluation;

/// <summary>
/// How well each proxy ranks methods like the efficiency score does: Spearman ρ and Kendall τ_b with seeded bootstrap
/// 95% percentile intervals over methods.
/// </summary>
public static class ProxyCorrelation
{
    /// <summary>Fewer methods than this leave a correlation undefined.</summary>
    public const int MinimumCount = 3;

    /// <summary>Correlates every proxy with efficiency across methods.</summary>
    /// <param name="proxies">Per method, its proxy values by name; a missing name or NaN leaves that method out for that proxy.</param>
    /// <param name="efficiency">Per method, its efficiency score (NaN leaves the method out).</param>
    /// <param name="resamples">Bootstrap resamples; 0 gives no intervals.</param>
    /// <param name="seed">Seed of <see cref="System.Random"/>; each proxy restarts from it, so a proxy's result does not
    /// depend on which other proxies are present.</param>
    /// <returns>Per proxy name, in order of first appearance, its correlation result.</returns>
    public static IReadOnlyDictionary<string, CorrelationResult> Compute(
        IReadOnlyList<IReadOnlyDictionary<string, double>> proxies, IReadOnlyList<double> efficiency, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(proxies);
        ArgumentNullException.ThrowIfNull(efficiency);
        ArgumentOutOfRangeException.ThrowIfNegative(resamples);
        if (proxies.Count != efficiency.Count)
        {
            throw new ArgumentException($"Got {proxies.Count} methods' proxies but {efficiency.Count} efficiency scores.", nameof(efficiency));
        }

        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in proxies)
        {
            foreach (var name in method.Keys)
            {
                if (seen.Add(name))
                {
                    names.Add(name);
                }
            }
        }

        var results = new Dictionary<string, CorrelationResult>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var x = new List<double>();
            var y = new List<double>();
            for (var m = 0; m < proxies.Count; m++)
            {
                if (proxies[m].TryGetValue(name, out var value) && !double.IsNaN(value) && !double.IsNaN(efficiency[m]))
                {
                    x.Add(value);
                    y.Add(efficiency[m]);
                }
            }

            results[name] = Correlate([.. x], [.. y], resamples, seed);
        }

        return results;
    }

    /// <summary>Spearman ρ and Kendall τ_b of paired values with bootstrap intervals.</summary>
    /// <param name="x">Proxy values.</param>
    /// <param name="y">Efficiency values, same length.</param>
    /// <param name="resamples">Bootstrap resamples.</param>
    /// <param name="seed">Random seed.</param>
    /// <returns>The correlation result; values null when fewer than 3 pairs or either side is constant.</returns>
    public static CorrelationResult Correlate(double[] x, double[] y, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length)
        {
            throw new ArgumentException("Both sides must have the same length.", nameof(y));
        }

        var count = x.Length;
        if (count < MinimumCount)
        {
            return new CorrelationResult(null, null, null, null, count);
        }

        var spearman = RankCorrelation.Spearman(x, y);
        var kendall = RankCorrelation.KendallTauB(x, y);
        if (spearman is null || kendall is null || resamples == 0)
        {
            return new CorrelationResult(spearman, null, kendall, null, count);
        }

        // Each resample is ranked from the source's dense ranks by counting: the same numbers as ranking its values.
        var (denseX, kx) = RankCorrelation.DenseRanks(x);
        var (denseY, ky) = RankCorrelation.DenseRanks(y);
        var random = new Random(seed);
        var bx = new int[count];
        var by = new int[count];
        var rhos = new List<double>(resamples);
        var taus = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < count; i++)
            {
                var pick = random.Next(count);
                bx[i] = denseX[pick];
                by[i] = denseY[pick];
            }

            // Resamples that repeat one method (constant values) define no correlation and are left out.
            var (rho, tau) = RankCorrelation.BothDense(bx, kx, by, ky);
            if (rho is { } r1)
            {
                rhos.Add(r1);
            }

            if (tau is { } t1)
            {
                taus.Add(t1);
            }
        }

        return new CorrelationResult(spearman, Interval(rhos), kendall, Interval(taus), count);
    }

    /// <summary>The 2.5% and 97.5% percentiles with linear interpolation between order statistics (NumPy's default).</summary>
    /// <param name="values">Bootstrap replicates; sorted in place.</param>
    /// <returns>[low, high], or null when there are no values.</returns>
    public static double[]? Interval(List<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        return [Percentile(values, 0.025), Percentile(values, 0.975)];
    }

    /// <summary>The <paramref name="q"/> quantile of sorted values, interpolating linearly between order statistics (NumPy's default).</summary>
    /// <param name="sorted">Values in ascending order; not empty.</param>
    /// <param name="q">Quantile in [0, 1].</param>
    /// <returns>The quantile.</returns>
    public static double Percentile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
