namespace EarlyExitBench.Calibrators.Standard;

/// <summary>
/// Limited-memory BFGS with a backtracking (Armijo) line search, in double precision, single-threaded
/// so a fit is bit-for-bit reproducible. Every accepted step lowers the objective, so the result is
/// never worse than the starting point.
/// </summary>
internal static class Lbfgs
{
    /// <summary>Computes the objective at a point and writes its gradient.</summary>
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    private const int Memory = 10;
    private const double Armijo = 1e-4;

    /// <summary>Minimises <paramref name="objective"/> starting from (and overwriting) <paramref name="x"/>.</summary>
    /// <returns>The objective at the returned point.</returns>
    public static double Minimize(Objective objective, double[] x, int maxIterations, double gradientTolerance, CancellationToken cancellationToken)
    {
        var n = x.Length;
        var g = new double[n];
        var f = objective(x, g);
        var s = new double[Memory][];
        var y = new double[Memory][];
        var rho = new double[Memory];
        var alpha = new double[Memory];
        var count = 0;
        var direction = new double[n];
        var trial = new double[n];
        var trialGradient = new double[n];
        var newS = new double[n];
        var newY = new double[n];

        for (var iteration = 0; iteration < maxIterations && MaxAbs(g) > gradientTolerance; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Two-loop recursion: direction = −H·g.
            g.CopyTo(direction, 0);
            for (var m = count - 1; m >= Math.Max(0, count - Memory); m--)
            {
                var slot = m % Memory;
                alpha[slot] = rho[slot] * Dot(s[slot], direction);
                Axpy(-alpha[slot], y[slot], direction);
            }

            var gamma = count == 0 ? 1.0 / Math.Max(1.0, Norm(g)) : Dot(s[(count - 1) % Memory], y[(count - 1) % Memory]) / Dot(y[(count - 1) % Memory], y[(count - 1) % Memory]);
            for (var i = 0; i < n; i++)
            {
                direction[i] *= gamma;
            }

            for (var m = Math.Max(0, count - Memory); m < count; m++)
            {
                var slot = m % Memory;
                var beta = rho[slot] * Dot(y[slot], direction);
                Axpy(alpha[slot] - beta, s[slot], direction);
            }

            for (var i = 0; i < n; i++)
            {
                direction[i] = -direction[i];
            }

            var slope = Dot(g, direction);
            if (!(slope < 0))
            {
                // Curvature memory went stale: restart from steepest descent.
                count = 0;
                var scale = 1.0 / Math.Max(1.0, Norm(g));
                for (var i = 0; i < n; i++)
                {
                    direction[i] = -g[i] * scale;
                }

                slope = Dot(g, direction);
            }

            var step = 1.0;
            var fTrial = double.NaN;
            var accepted = false;
            for (var halving = 0; halving < 60; halving++)
            {
                for (var i = 0; i < n; i++)
                {
                    trial[i] = x[i] + (step * direction[i]);
                }

                fTrial = objective(trial, trialGradient);
                if (double.IsFinite(fTrial) && fTrial <= f + (Armijo * step * slope))
                {
                    accepted = true;
                    break;
                }

                step *= 0.5;
            }

            if (!accepted || f - fTrial <= 1e-15 * Math.Max(1.0, Math.Abs(f)))
            {
                if (accepted)
                {
                    trial.CopyTo(x, 0);
                    f = fTrial;
                }

                break;
            }

            // The new pair goes into scratch vectors first: written straight into the next slot, a pair that fails the
            // curvature test would replace the oldest pair still in use (the slot is shared once the memory is full)
            // while that slot kept its old ρ.
            for (var i = 0; i < n; i++)
            {
                newS[i] = trial[i] - x[i];
                newY[i] = trialGradient[i] - g[i];
            }

            var sy = Dot(newS, newY);
            trial.CopyTo(x, 0);
            trialGradient.CopyTo(g, 0);
            f = fTrial;
            if (sy > 1e-12 * Norm(newS) * Norm(newY))
            {
                var next = count % Memory;
                (s[next], newS) = (newS, s[next] ?? new double[n]);
                (y[next], newY) = (newY, y[next] ?? new double[n]);
                rho[next] = 1.0 / sy;
                count++;
            }
        }

        return f;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    private static double MaxAbs(double[] a)
    {
        var max = 0.0;
        foreach (var v in a)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }
}
