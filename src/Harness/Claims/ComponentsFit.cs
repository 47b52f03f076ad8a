namespace EarlyExitBench.Harness.Claims;

/// <summary>A statistic with the standard error and degrees of freedom of <see cref="TwoLevelBootstrap.Components"/>.</summary>
/// <param name="Value">The statistic as observed.</param>
/// <param name="StandardError">On the interval's scale (Fisher z for correlations); null without an interval (fewer than 2 seeds).</param>
/// <param name="Df">Welch–Satterthwaite degrees of freedom; null without an interval.</param>
public sealed record ComponentsFit(double Value, double? StandardError, double? Df)
{
    /// <summary>θ ± t_ν · SE on the options' scale, mapped back.</summary>
    public Estimate Interval(TwoLevelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (StandardError is not { } se || Df is not { } df)
        {
            return new Estimate(Value, null, null);
        }

        var centre = options.Forward(Value);
        var half = StudentT.Quantile(1 - ((1 - options.Confidence) / 2), df) * se;
        return new Estimate(Value, options.Backward(centre - half), options.Backward(centre + half));
    }

    /// <summary>Two-sided p-value of "the statistic is <paramref name="nullValue"/>" from the t reference; null without an interval.</summary>
    public double? PValue(TwoLevelOptions options, double nullValue = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (StandardError is not { } se || Df is not { } df)
        {
            return null;
        }

        if (se <= 0)
        {
            return options.Forward(Value) == options.Forward(nullValue) ? 1 : 0;
        }

        var t = Math.Abs(options.Forward(Value) - options.Forward(nullValue)) / se;
        return 2 * (1 - StudentT.Cdf(t, df));
    }
}
