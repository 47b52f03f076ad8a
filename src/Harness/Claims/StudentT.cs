namespace EarlyExitBench.Harness.Claims;

/// <summary>Student's t distribution: the CDF through the regularized incomplete beta function, the quantile by bisection.</summary>
public static class StudentT
{
    /// <summary>P(T ≤ <paramref name="t"/>) for <paramref name="df"/> degrees of freedom (any positive real; infinity gives the normal).</summary>
    public static double Cdf(double t, double df)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(df);
        if (double.IsPositiveInfinity(df) || df > 1e7)
        {
            return 0.5 * Erfc(-t / Math.Sqrt(2));
        }

        var x = df / (df + (t * t));
        var tail = 0.5 * RegularizedBeta(df / 2, 0.5, x);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>The <paramref name="p"/> quantile, to about 1e-10.</summary>
    public static double Quantile(double p, double df)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(df);
        if (p is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "must be in (0, 1)");
        }

        if (p < 0.5)
        {
            return -Quantile(1 - p, df);
        }

        var (lo, hi) = (0.0, 1.0);
        while (Cdf(hi, df) < p)
        {
            hi *= 2;
        }

        for (var i = 0; i < 200 && hi - lo > 1e-12 * Math.Max(1, hi); i++)
        {
            var mid = 0.5 * (lo + hi);
            (lo, hi) = Cdf(mid, df) < p ? (mid, hi) : (lo, mid);
        }

        return 0.5 * (lo + hi);
    }

    /// <summary>I_x(a, b) by Lentz's continued fraction (Numerical Recipes' betacf), using the symmetry where it converges faster.</summary>
    private static double RegularizedBeta(double a, double b, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + (a * Math.Log(x)) + (b * Math.Log(1 - x)));
        return x < (a + 1) / (a + b + 2) ? front * ContinuedFraction(a, b, x) / a : 1 - (front * ContinuedFraction(b, a, 1 - x) / b);
    }

    private static double ContinuedFraction(double a, double b, double x)
    {
        const double Tiny = 1e-300;
        var (qab, qap, qam) = (a + b, a + 1, a - 1);
        var c = 1.0;
        var d = 1 - (qab * x / qap);
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 10_000; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var step = d * c;
            h *= step;
            if (Math.Abs(step - 1) < 1e-15)
            {
                break;
            }
        }

        return h;
    }

    /// <summary>ln Γ(x), Lanczos (g = 7, 9 terms), x &gt; 0.</summary>
    private static double LogGamma(double x)
    {
        double[] g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = g[0];
        for (var i = 1; i < g.Length; i++)
        {
            sum += g[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>erfc by its continued-fraction-free Chebyshev fit (Numerical Recipes' erfcc), relative error below 1.2e-7.</summary>
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        double[] c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var poly = 0.0;
        for (var k = c.Length - 1; k >= 0; k--)
        {
            poly = c[k] + (t * poly);
        }

        var r = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }
}
