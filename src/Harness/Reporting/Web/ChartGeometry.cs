namespace EarlyExitBench.Harness.Reporting.Web;

/// <summary>The arithmetic of drawing, kept apart from the SVG so it can be tested against values worked out by hand.</summary>
public static class ChartGeometry
{
    /// <summary>The tick step for <paramref name="span"/>: 1, 2 or 5 times a power of ten, giving about <paramref name="ticks"/> intervals.</summary>
    public static double NiceStep(double span, int ticks = 5)
    {
        if (!(span > 0) || !double.IsFinite(span))
        {
            return 1;
        }

        var raw = span / Math.Max(1, ticks);
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var mantissa = raw / power;
        // A hair of slack: 0.92 − 0.82 is 0.10000000000000009, whose fifth must still give 2, not 5.
        const double slack = 1e-9;
        var nice = mantissa <= 1 + slack ? 1 : mantissa <= 2 + slack ? 2 : mantissa <= 5 + slack ? 5 : 10;
        return nice * power;
    }

    /// <summary>Tick values: the multiples of <see cref="NiceStep"/> within [<paramref name="min"/>, <paramref name="max"/>], rounded to the step's decimals.</summary>
    public static IReadOnlyList<double> Ticks(double min, double max, int ticks = 5) => TicksEvery(min, max, NiceStep(max - min, ticks));

    /// <summary>Every multiple of <paramref name="step"/> in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static IReadOnlyList<double> TicksEvery(double min, double max, double step)
    {
        var decimals = Decimals(step);
        var values = new List<double>();
        for (var k = Math.Ceiling((min / step) - 1e-9); k * step <= max + (step * 1e-9); k++)
        {
            values.Add(Math.Round(k * step, decimals) + 0.0);
        }

        return values;
    }

    /// <summary>Decimals a tick label needs for <paramref name="step"/> (0 for 1, 5, 10; 1 for 0.2; 2 for 0.05).</summary>
    public static int Decimals(double step) => step >= 1 ? 0 : Math.Min(12, (int)Math.Ceiling(-Math.Log10(step) - 1e-9));

    /// <summary>
    /// The range of <paramref name="values"/> (finite ones) widened outwards to whole tick steps; a single value gets a
    /// range of ±5% around it (±1 around 0); no values give [0, 1].
    /// </summary>
    public static (double Min, double Max) NiceRange(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
        {
            return (0, 1);
        }

        var (min, max) = (finite.Min(), finite.Max());
        if (min == max)
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.05;
            (min, max) = (min - pad, max + pad);
        }

        var step = NiceStep(max - min);
        var decimals = Decimals(step);
        return (Math.Round(Math.Floor((min / step) + 1e-9) * step, decimals) + 0.0, Math.Round(Math.Ceiling((max / step) - 1e-9) * step, decimals) + 0.0);
    }

    /// <summary>
    /// The corners of a step function through <paramref name="points"/> (sorted by x): each point's y holds from its x to the
    /// next point's x, where the line rises or falls; the last holds until <paramref name="end"/>. This is how a Pareto front
    /// A(x) is read: the accuracy of the best threshold whose cost is at most x.
    /// </summary>
    public static IReadOnlyList<(double X, double Y)> Steps(IReadOnlyList<(double X, double Y)> points, double end)
    {
        ArgumentNullException.ThrowIfNull(points);
        var corners = new List<(double X, double Y)>(2 * points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            corners.Add(points[i]);
            var next = i + 1 < points.Count ? points[i + 1].X : Math.Max(end, points[i].X);
            corners.Add((next, points[i].Y));
        }

        return corners;
    }

    /// <summary>Maps <paramref name="value"/> from [<paramref name="min"/>, <paramref name="max"/>] onto the pixels [<paramref name="from"/>, <paramref name="to"/>] (to &lt; from flips the axis, as SVG's y does).</summary>
    public static double Scale(double value, double min, double max, double from, double to) =>
        max > min ? from + ((value - min) / (max - min) * (to - from)) : (from + to) / 2;
}
